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

    /// <summary>The tally of both sets of cases together, when no case is in both.</summary>
    public CaseTally Plus(CaseTally other) => new(
        Reported + other.Reported,
        Cancelled + other.Cancelled,
        Closed + other.Closed,
        Parked + other.Parked,
        Overdue + other.Overdue,
        Due + other.Due,
        DueNotParked + other.DueNotParked,
        ClosedOnTime + other.ClosedOnTime,
        ReworkedClosed + other.ReworkedClosed,
        Extended + other.Extended,
        HandlingHours + other.HandlingHours);

    /// <summary>The rule: what each case adds to each count.</summary>
    /// <remarks>Counts in locals: a live dashboard tallies a whole day of cases twice a second.</remarks>
    public static CaseTally Of(IEnumerable<EventSummary> cases, DateTimeOffset now)
    {
        int reported = 0, cancelled = 0, closed = 0, parked = 0, overdue = 0, due = 0, dueNotParked = 0;
        int closedOnTime = 0, reworkedClosed = 0, extended = 0;
        var handlingHours = 0.0;
        foreach (var c in cases)
        {
            reported++;
            if (c.Status == EventStatus.Cancelled)
            {
                cancelled++;
                continue;
            }
            var isClosed = c.Status == EventStatus.Closed;
            // A case is due once it closed or its whole-case deadline passed; parked cases are counted apart, so
            // the on-time rate divides by the due cases that are not parked.
            var isDue = isClosed || c.WholeDueAt <= now;
            closed += isClosed ? 1 : 0;
            parked += c.Status == EventStatus.Parked ? 1 : 0;
            overdue += c.Overdue ? 1 : 0;
            due += isDue ? 1 : 0;
            dueNotParked += isDue && c.Status != EventStatus.Parked ? 1 : 0;
            closedOnTime += c.ClosedOnTime ? 1 : 0;
            reworkedClosed += isClosed && c.ReworkCount > 0 ? 1 : 0;
            extended += c.ExtensionCount > 0 ? 1 : 0;
            handlingHours += isClosed ? (c.ClosedAt!.Value - c.ReportedAt).TotalHours : 0;
        }
        return new CaseTally(reported, cancelled, closed, parked, overdue, due, dueNotParked, closedOnTime, reworkedClosed, extended, handlingHours);
    }
}
