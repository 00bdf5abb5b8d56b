using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Points;

/// <summary>
/// The evaluation indicators (考核指标) of a set of cases, by the formulas of docs/POINTS.md. Pure: the
/// read model supplies the cases or their <see cref="CaseTally"/>, the clock the moment.
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
    public static Indicators Compute(IReadOnlyCollection<EventSummary> cases, DateTimeOffset now, int workers) =>
        From(CaseTally.Of(cases, now), workers);

    public static Indicators From(CaseTally tally, int workers)
    {
        var valid = tally.Reported - tally.Cancelled;
        var open = valid - tally.Closed;
        return new Indicators(
            Reported: tally.Reported,
            Open: open,
            Closed: tally.Closed,
            Cancelled: tally.Cancelled,
            Parked: tally.Parked,
            Overdue: tally.Overdue,
            Due: tally.Due,
            ClosedOnTime: tally.ClosedOnTime,
            ClosureRate: Ratio(tally.Closed, valid),
            OnTimeRate: Ratio(tally.ClosedOnTime, tally.DueNotParked),
            ReworkRate: Ratio(tally.ReworkedClosed, tally.Closed),
            ExtensionRate: Ratio(tally.Extended, valid),
            MeanHandlingHours: tally.Closed == 0 ? null : tally.HandlingHours / tally.Closed,
            WorkloadPerWorker: workers == 0 ? null : (double)open / workers);
    }

    /// <summary>A rate of 0 when nothing was there to count, so an idle area does not divide by zero.</summary>
    private static double Ratio(int part, int whole) => whole <= 0 ? 0 : Math.Round((double)part / whole, 4);
}
