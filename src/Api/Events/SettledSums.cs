using GridActors.Grains.Clock;

namespace GridActors.Api.Events;

/// <summary>The timing that every <see cref="SettledSums{TKey, TValue}"/> keeps to.</summary>
public static class SettledSums
{
    /// <summary>
    /// How long a row may take to be seen, in real time: a step is decided at one moment and its commit is visible
    /// a little later. The kept sums stop at the county time of this long ago, so no row they should hold can
    /// still be on its way, however the clock's speed has changed since; the clock reads that far back by the
    /// speed it ran at then (within <see cref="GridClock.RememberedPast"/>).
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the kept sums are recounted whole, in real time: a row that is seen later than
    /// <see cref="SettleTime"/> (a projection healed after an outage) is missed by the additions until then.
    /// </summary>
    public static readonly TimeSpan RecountInterval = TimeSpan.FromMinutes(15);

    /// <summary>How long a recount that failed waits before it is tried again, the old sums serving meanwhile.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);
}

/// <summary>
/// A period's sums of what never changes once it has settled (a finished case, a ledger entry), kept rather than
/// recounted. The sums of what settled before the county time of <see cref="SettledSums.SettleTime"/> ago are
/// kept for each period start; each call brings them forward by what settled since, and the caller counts only
/// what is newer afresh. Recounting a month every ten seconds grouped half a million rows at a drill's rate and
/// grew with the month (docs/RELIABILITY.md, the soak).
/// </summary>
/// <param name="clock">The county clock: what has settled is reckoned in its time, two real minutes back.</param>
/// <param name="countSettled">
/// The sums of the period starting at its first argument (all time when null) of what settled after its second
/// (from the start when null) and by its third. Consecutive calls pass the last limit as the next start, so the
/// two bounds must split time without a gap or an overlap.
/// </param>
/// <param name="plus">Two sums of one key added up.</param>
public sealed class SettledSums<TKey, TValue>(
    GridClock clock,
    Func<DateTimeOffset?, DateTimeOffset?, DateTimeOffset, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> countSettled,
    Func<TValue, TValue, TValue> plus)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DateTimeOffset, Kept> _kept = [];
    private readonly Dictionary<DateTimeOffset, (long Recount, DateTimeOffset At)> _recounting = [];
    private readonly Dictionary<DateTimeOffset, DateTimeOffset> _retryAt = [];
    private long _recounts;

    /// <summary>The kept sums of the period from <paramref name="from"/>, and the limit they were settled by.</summary>
    public async Task<(IReadOnlyDictionary<TKey, TValue> Sums, DateTimeOffset SettledBy)> Keep(DateTimeOffset? from, CancellationToken cancellationToken)
    {
        var kept = await Bring(from, clock.At(clock.RealNow() - SettledSums.SettleTime), cancellationToken);
        return (kept.Sums, kept.SettledBy);
    }

    /// <summary>The sums of both, key by key.</summary>
    public Dictionary<TKey, TValue> Add(IReadOnlyDictionary<TKey, TValue> sums, IReadOnlyDictionary<TKey, TValue> more)
    {
        var total = new Dictionary<TKey, TValue>(sums);
        foreach (var (key, value) in more)
        {
            total[key] = total.TryGetValue(key, out var known) ? plus(known, value) : value;
        }
        return total;
    }

    /// <summary>
    /// The kept sums of the period brought up to <paramref name="settledBy"/>, or recounted when due. The database
    /// is asked outside the lock: a recount of a month takes a while, and other callers go on adding to the sums
    /// they have meanwhile.
    /// </summary>
    private async Task<Kept> Bring(DateTimeOffset? from, DateTimeOffset settledBy, CancellationToken cancellationToken)
    {
        var key = from ?? DateTimeOffset.MinValue;
        var realNow = clock.RealNow();
        var (known, recount) = Claim(key, realNow);
        if (known is null)
        {
            var first = new Kept(await countSettled(from, null, settledBy, cancellationToken), settledBy, 0, realNow, realNow);
            Store(key, first);
            return first;
        }
        if (recount is { } number && await Recount(from, settledBy, key, number, realNow, cancellationToken) is { } recounted)
        {
            return recounted;
        }
        var kept = known with { UsedAt = realNow };
        if (settledBy > known.SettledBy)
        {
            var added = await countSettled(from, known.SettledBy, settledBy, cancellationToken);
            kept = kept with { Sums = Add(known.Sums, added), SettledBy = settledBy };
        }
        // Otherwise a limit behind the kept one (the wall clock stepped back): the kept sums stay, and the split.
        Store(key, kept);
        return kept;
    }

    /// <summary>
    /// The period counted whole, or null when the count failed (timed out on a slow database, or the database
    /// away). The call then adds to the old sums, which fails in turn if the database is away, and the recount
    /// waits <see cref="SettledSums.RetryAfterFailure"/> from the failure, so a slow database is not asked for the
    /// month every round. A caller that left (its token cancelled) leaves the recount to the next.
    /// </summary>
    private async Task<Kept?> Recount(
        DateTimeOffset? from, DateTimeOffset settledBy, DateTimeOffset key, long number, DateTimeOffset realNow, CancellationToken cancellationToken)
    {
        try
        {
            var kept = new Kept(await countSettled(from, null, settledBy, cancellationToken), settledBy, number, realNow, realNow);
            Store(key, kept);
            return kept;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_lock)
            {
                _retryAt[key] = clock.RealNow() + SettledSums.RetryAfterFailure;
            }
            return null;
        }
        finally
        {
            lock (_lock)
            {
                if (_recounting.TryGetValue(key, out var claimed) && claimed.Recount == number)
                {
                    _recounting.Remove(key);
                }
            }
        }
    }

    /// <summary>
    /// The kept sums of the period, and the number of the recount this caller is to make when they are due. The
    /// first caller to find them due makes it; while it is under way the others add to the old sums. A recount
    /// that has not come back within <see cref="SettledSums.RecountInterval"/> is taken over by the next caller.
    /// </summary>
    private (Kept? Known, long? Recount) Claim(DateTimeOffset key, DateTimeOffset realNow)
    {
        lock (_lock)
        {
            ForgetUnused(realNow);
            if (!_kept.TryGetValue(key, out var known))
            {
                return (null, null);
            }
            var due = realNow - known.CountedAt >= SettledSums.RecountInterval
                && !(_retryAt.TryGetValue(key, out var retryAt) && realNow < retryAt);
            var underWay = _recounting.TryGetValue(key, out var claimed) && realNow - claimed.At < SettledSums.RecountInterval;
            if (!due || underWay)
            {
                return (known, null);
            }
            _recounting[key] = (++_recounts, realNow);
            return (known, _recounts);
        }
    }

    /// <summary>
    /// Keeps <paramref name="kept"/> unless what is kept is further on: a later recount, or the same sums brought
    /// further. Sums that one caller added to are never added to again by another, only replaced.
    /// </summary>
    private void Store(DateTimeOffset key, Kept kept)
    {
        lock (_lock)
        {
            if (!_kept.TryGetValue(key, out var stored)
                || kept.Recount > stored.Recount
                || kept.Recount == stored.Recount && kept.SettledBy >= stored.SettledBy)
            {
                _kept[key] = kept;
            }
        }
    }

    /// <summary>Yesterday's day and last month's month are asked for no more once the period moves on.</summary>
    private void ForgetUnused(DateTimeOffset realNow)
    {
        foreach (var unused in _kept.Where(pair => realNow - pair.Value.UsedAt > SettledSums.RecountInterval).Select(pair => pair.Key).ToList())
        {
            _kept.Remove(unused);
            _recounting.Remove(unused);
            _retryAt.Remove(unused);
        }
    }

    /// <summary>
    /// The sums of what settled by <see cref="SettledBy"/>, from the recount numbered <see cref="Recount"/> (0 the
    /// first count) and what was added to it; replaced, never changed in place.
    /// </summary>
    private sealed record Kept(
        IReadOnlyDictionary<TKey, TValue> Sums, DateTimeOffset SettledBy, long Recount, DateTimeOffset CountedAt, DateTimeOffset UsedAt);
}
