using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Points;

/// <summary>
/// The evaluation indicators (考核指标) of a set of cases, by the formulas of docs/POINTS.md. Pure: the
/// read model supplies the cases, the clock the moment.
/// </summary>
public sealed record Indicators(
    int Reported,
    int Open,
    int Closed,
    int Cancelled,
    int Parked,
    int Overdue,
    int Due,
    int ClosedOnTime,
    double ClosureRate,
    double OnTimeRate,
    double ReworkRate,
    double ExtensionRate,
    double? MeanHandlingHours,
    double? WorkloadPerWorker)
{
    public static Indicators Compute(IReadOnlyCollection<EventSummary> cases, DateTimeOffset now, int workers)
    {
        var valid = cases.Where(c => c.Status != EventStatus.Cancelled).ToList();
        var closed = valid.Where(c => c.Status == EventStatus.Closed).ToList();
        var open = valid.Count(c => c.Status != EventStatus.Closed);
        var parked = valid.Count(c => c.Status == EventStatus.Parked);
        // A case is due once it closed or its whole-case deadline passed; parked cases are counted apart, so
        // the on-time rate divides by the due cases that are not parked.
        var due = valid.Count(c => c.Status == EventStatus.Closed || c.WholeDueAt <= now);
        var dueNotParked = valid.Count(c => c.Status != EventStatus.Parked && (c.Status == EventStatus.Closed || c.WholeDueAt <= now));
        var onTime = closed.Count(c => c.ClosedOnTime);
        return new Indicators(
            Reported: cases.Count,
            Open: open,
            Closed: closed.Count,
            Cancelled: cases.Count - valid.Count,
            Parked: parked,
            Overdue: valid.Count(c => c.Overdue),
            Due: due,
            ClosedOnTime: onTime,
            ClosureRate: Ratio(closed.Count, valid.Count),
            OnTimeRate: Ratio(onTime, dueNotParked),
            ReworkRate: Ratio(closed.Count(c => c.ReworkCount > 0), closed.Count),
            ExtensionRate: Ratio(valid.Count(c => c.ExtensionCount > 0), valid.Count),
            MeanHandlingHours: closed.Count == 0 ? null : closed.Average(c => (c.ClosedAt!.Value - c.ReportedAt).TotalHours),
            WorkloadPerWorker: workers == 0 ? null : (double)open / workers);
    }

    /// <summary>A rate of 0 when nothing was there to count, so an idle area does not divide by zero.</summary>
    private static double Ratio(int part, int whole) => whole <= 0 ? 0 : Math.Round((double)part / whole, 4);
}
