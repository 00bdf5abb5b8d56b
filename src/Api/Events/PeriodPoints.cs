using GridActors.Grains.Clock;
using GridActors.Grains.Points;

namespace GridActors.Api.Events;

/// <summary>
/// The points each participant earned in a period, for the workers' and branches' boards. A ledger entry never
/// changes, so the sums of the entries of a while ago are kept (<see cref="SettledSums{TKey, TValue}"/>) and each
/// call sums only the newest afresh: a round reads two minutes of entries, not the month's.
/// </summary>
public sealed class PeriodPoints(IPointsReadModel points, GridClock clock)
{
    // Entries in [start, by): the start is the last limit, or the period's start, whichever is later.
    private readonly SettledSums<string, int> _earned = new(
        clock, (from, after, by, _) => points.Totals(Later(after, from), by), (a, b) => a + b);

    /// <summary>Points earned in [<paramref name="from"/>, <paramref name="now"/>] by each participant that earned any.</summary>
    public async Task<IReadOnlyDictionary<string, int>> Since(DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (earned, settledBy) = await _earned.Keep(from, cancellationToken);
        var newest = await points.Totals(Later(settledBy, from), now.AddTicks(1));
        return _earned.Add(earned, newest);
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a > b || b is null ? a ?? DateTimeOffset.MinValue : b.Value;
}
