using GridActors.Grains.Clock;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Events;

/// <summary>
/// A period's cases tallied by village for the boards, kept rather than recounted. A closed or cancelled case
/// never changes again, so the counts of the cases that finished a while ago are kept, and each call adds those
/// finished since the last and counts the open and just-finished ones afresh. Recounting a month grouped every
/// case of it: at a drill's rate, half a million rows every ten seconds, 330 ms of the database's time that grew
/// with the month and held up the steps beside it (docs/RELIABILITY.md, the soak).
/// </summary>
public sealed class PeriodTallies(IEventReadModel events, GridClock clock, TimeProvider realTime)
{
    /// <summary>
    /// How long a finished case's row may take to be seen, in real time: a step is decided at one moment and its
    /// commit is visible a little later. The kept counts stop this far back (times the clock's speed), so no row
    /// they should hold can still be on its way.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the kept counts are recounted whole, in real time: a row that is seen later than
    /// <see cref="SettleTime"/> (a projection healed after an outage) is missed by the additions until then.
    /// </summary>
    public static readonly TimeSpan RecountInterval = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DateTimeOffset, Kept> _kept = [];

    /// <summary>
    /// The tallies by village, at <paramref name="now"/>, of the cases reported since <paramref name="from"/>
    /// (all cases when null), exactly as one grouped count of them would give.
    /// </summary>
    public async Task<IReadOnlyDictionary<VillageOf, CaseTally>> Since(DateTimeOffset? from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = await Keep(from, now - SettleTime * clock.Speed, cancellationToken);
        var unfinished = await events.TallyUnfinished(from, kept.FinishedBy, now, cancellationToken);
        return Add(kept.Tallies, unfinished);
    }

    /// <summary>The kept counts of the period brought up to <paramref name="finishedBy"/>, or recounted when due.</summary>
    private async Task<Kept> Keep(DateTimeOffset? from, DateTimeOffset finishedBy, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = from ?? DateTimeOffset.MinValue;
            var realNow = realTime.GetUtcNow();
            Kept kept;
            if (!_kept.TryGetValue(key, out var known) || realNow - known.CountedAt >= RecountInterval)
            {
                kept = new Kept(await events.TallyFinished(from, null, finishedBy, cancellationToken), finishedBy, realNow, realNow);
            }
            else if (finishedBy > known.FinishedBy)
            {
                var added = await events.TallyFinished(from, known.FinishedBy, finishedBy, cancellationToken);
                kept = known with { Tallies = Add(known.Tallies, added), FinishedBy = finishedBy, UsedAt = realNow };
            }
            else
            {
                // A faster clock moves the limit back; the kept counts stay where they are, and so does the split.
                kept = known with { UsedAt = realNow };
            }
            _kept[key] = kept;
            ForgetUnused(realNow);
            return kept;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Yesterday's day and last month's month are asked for no more once the period moves on.</summary>
    private void ForgetUnused(DateTimeOffset realNow)
    {
        foreach (var unused in _kept.Where(pair => realNow - pair.Value.UsedAt > RecountInterval).Select(pair => pair.Key).ToList())
        {
            _kept.Remove(unused);
        }
    }

    private static Dictionary<VillageOf, CaseTally> Add(IReadOnlyDictionary<VillageOf, CaseTally> kept, IReadOnlyDictionary<VillageOf, CaseTally> more)
    {
        var sum = new Dictionary<VillageOf, CaseTally>(kept);
        foreach (var (village, tally) in more)
        {
            sum[village] = sum.TryGetValue(village, out var known) ? known.Plus(tally) : tally;
        }
        return sum;
    }

    /// <summary>The counts of the period's cases finished by <see cref="FinishedBy"/>; replaced, never changed in place.</summary>
    private sealed record Kept(IReadOnlyDictionary<VillageOf, CaseTally> Tallies, DateTimeOffset FinishedBy, DateTimeOffset CountedAt, DateTimeOffset UsedAt);
}
