using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Deadlines;

/// <summary>
/// A shard's deadlines in due order, with who has been woken and when to wake them again. Pure: the shard grain
/// keeps the timer and the reminder, this decides what is due. A target that does not answer is woken again
/// after 30 s, then 1, 2 and 4 minutes, then every 5 — never dropped, because a target that is down now (a
/// database outage, a silo lost) is still owed its alarm when it comes back.
/// </summary>
public sealed class DeadlineSchedule
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    /// <summary>A target that answered "not yet" (the same schedule again) is asked again this soon.</summary>
    private static readonly TimeSpan NotYetRetry = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly SortedSet<(DateTimeOffset DueAt, string Key)> _byDue = [];

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>
    /// Takes the target's schedule <paramref name="sequence"/>: its deadline, or none. False when the shard
    /// already holds a newer schedule, which a late notice must not undo.
    /// </summary>
    public bool Set(AlarmTarget target, long sequence, ArmedDeadline? deadline, DateTimeOffset? realNow = null)
    {
        var key = target.ToString();
        if (_entries.TryGetValue(key, out var known))
        {
            if (known.Sequence > sequence)
            {
                return false;
            }
            if (known.Deadline == deadline && known.RetryAt is not null && realNow is { } now)
            {
                // The target was woken and answered with the schedule it already had: not due on its clock yet.
                _entries[key] = known with { RetryAt = Earlier(known.RetryAt.Value, now + NotYetRetry) };
                return true;
            }
            _byDue.Remove((known.Deadline!.DueAt, key));
            _entries.Remove(key);
        }
        if (deadline is not null)
        {
            _entries[key] = new Entry(deadline, sequence, Attempts: 0, RetryAt: null);
            _byDue.Add((deadline.DueAt, key));
        }
        return true;
    }

    public void Remove(AlarmTarget target)
    {
        var key = target.ToString();
        if (_entries.Remove(key, out var known))
        {
            _byDue.Remove((known.Deadline!.DueAt, key));
        }
    }

    /// <summary>The deadlines to wake now: due on the county clock, and not woken or due for another wake.</summary>
    public IReadOnlyList<ArmedDeadline> TakeDue(DateTimeOffset now, DateTimeOffset realNow)
    {
        var due = new List<ArmedDeadline>();
        foreach (var (dueAt, key) in _byDue)
        {
            if (dueAt > now)
            {
                break;
            }
            var entry = _entries[key];
            if (entry.RetryAt is { } retryAt && realNow < retryAt)
            {
                continue;
            }
            var attempts = entry.Attempts + 1;
            _entries[key] = entry with { Attempts = attempts, RetryAt = realNow + Backoff(attempts) };
            due.Add(entry.Deadline!);
        }
        return due;
    }

    /// <summary>The earliest deadline not yet woken, and how long until the earliest repeated wake.</summary>
    public (DateTimeOffset? Due, TimeSpan? Retry) Next(DateTimeOffset realNow)
    {
        TimeSpan? retry = null;
        foreach (var (dueAt, key) in _byDue)
        {
            if (_entries[key].RetryAt is { } retryAt)
            {
                var wait = retryAt - realNow;
                retry = retry is { } known && known < wait ? known : wait;
                continue;
            }
            return (dueAt, retry);
        }
        return (null, retry);
    }

    public IReadOnlyList<ArmedDeadline> All() => [.. _byDue.Select(entry => _entries[entry.Key].Deadline!)];

    private static TimeSpan Backoff(int attempts)
    {
        var wait = FirstRetry * Math.Pow(2, Math.Min(attempts - 1, 10));
        return wait < LongestRetry ? wait : LongestRetry;
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(ArmedDeadline? Deadline, long Sequence, int Attempts, DateTimeOffset? RetryAt);
}
