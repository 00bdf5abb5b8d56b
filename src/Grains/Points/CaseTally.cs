using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Points;

/// <summary>
/// The counts the evaluation indicators are made of, for a set of cases at a moment. The read model can count
/// them where the cases are (one grouped query in PostgreSQL) instead of handing over every case; <see cref="Of"/>
/// is the rule, and the PostgreSQL query states the same rule in SQL.
/// </summary>
public sealed record CaseTally(
    int Reported,
    int Cancelled,
    int Closed,
    int Parked,
    int Overdue,
    int Due,
    int DueNotParked,
    int ClosedOnTime,
    int ReworkedClosed,
    int Extended,
    double HandlingHours)
{
    public static CaseTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static CaseTally Of(IEnumerable<EventSummary> cases, DateTimeOffset now) =>
        cases.Aggregate(Empty, (tally, summary) => tally.With(summary, now));

    /// <summary>The tally with one more case.</summary>
    public CaseTally With(EventSummary c, DateTimeOffset now)
    {
        if (c.Status == EventStatus.Cancelled)
        {
            return this with { Reported = Reported + 1, Cancelled = Cancelled + 1 };
        }
        var closed = c.Status == EventStatus.Closed;
        // A case is due once it closed or its whole-case deadline passed; parked cases are counted apart, so
        // the on-time rate divides by the due cases that are not parked.
        var due = closed || c.WholeDueAt <= now;
        return new CaseTally(
            Reported + 1,
            Cancelled,
            Closed + (closed ? 1 : 0),
            Parked + (c.Status == EventStatus.Parked ? 1 : 0),
            Overdue + (c.Overdue ? 1 : 0),
            Due + (due ? 1 : 0),
            DueNotParked + (due && c.Status != EventStatus.Parked ? 1 : 0),
            ClosedOnTime + (c.ClosedOnTime ? 1 : 0),
            ReworkedClosed + (closed && c.ReworkCount > 0 ? 1 : 0),
            Extended + (c.ExtensionCount > 0 ? 1 : 0),
            HandlingHours + (closed ? (c.ClosedAt!.Value - c.ReportedAt).TotalHours : 0));
    }
}
