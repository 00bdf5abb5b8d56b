using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Events;

/// <summary>
/// A period's cases tallied by village for the townships' and villages' boards. A closed or cancelled case never
/// changes again, so the counts of the cases that finished a while ago are kept (<see cref="SettledSums{TKey, TValue}"/>),
/// and each call counts only the open and just-finished ones afresh: a round reads two minutes of cases, not the
/// month.
/// </summary>
public sealed class PeriodTallies(IEventReadModel events, GridClock clock)
{
    private readonly SettledSums<VillageOf, CaseTally> _finished = new(clock, events.TallyFinished, (a, b) => a.Plus(b));

    /// <summary>
    /// The tallies by village, at <paramref name="now"/>, of the cases reported since <paramref name="from"/>
    /// (all cases when null), exactly as one grouped count of them would give.
    /// </summary>
    public async Task<IReadOnlyDictionary<VillageOf, CaseTally>> Since(DateTimeOffset? from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (finished, finishedBy) = await _finished.Keep(from, cancellationToken);
        var unfinished = await events.TallyUnfinished(from, finishedBy, now, cancellationToken);
        return _finished.Add(finished, unfinished);
    }
}
