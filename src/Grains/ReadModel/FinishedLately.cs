using System.Collections.Concurrent;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// What the embedded read model keeps apart for the boards' kept tallies (<see cref="IEventReadModel.TallyFinished"/>):
/// the open cases, and the newest finished ones in the order they finished — PostgreSQL's <c>events_open</c> and
/// <c>events_finished</c> indexes. With them a board walks the open cases and at most the kept finished ones
/// instead of every case of the day. Older finished cases are forgotten here (they stay in the model); a question
/// that reaches back past them is answered by a scan.
/// </summary>
internal sealed class FinishedLately(int capacity)
{
    /// <summary>How many finished cases are kept: several minutes at a drill's rate, past the boards' settle time.</summary>
    public const int DefaultCapacity = 200_000;

    private readonly ConcurrentDictionary<string, EventSummary> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EventSummary> _finished = new();
    private long _forgottenUpTo = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>The latest finish time of a case no longer kept: a question about finishes after it has every answer here.</summary>
    private DateTimeOffset ForgottenUpTo => new(Volatile.Read(ref _forgottenUpTo), TimeSpan.Zero);

    /// <summary>Notes the version that now stands for a case; the model calls it under its write lock, one case at a time.</summary>
    public void Track(EventSummary? before, EventSummary stored)
    {
        if (stored.IsOpen)
        {
            _open[stored.Id] = stored;
            return;
        }
        // Queued before it leaves the open cases, so a reader that looks at the open cases first sees it in one
        // or the other, at worst in both (OpenOrFinishedAfter keeps one).
        if (before is null || before.IsOpen)
        {
            _finished.Enqueue(stored);
            Forget();
        }
        _open.TryRemove(stored.Id, out _);
    }

    /// <summary>The cases finished after <paramref name="after"/>, or null when some of them may be forgotten.</summary>
    public IReadOnlyList<EventSummary>? FinishedAfter(DateTimeOffset after)
    {
        if (after < ForgottenUpTo)
        {
            return null;
        }
        List<EventSummary> finished = [.. _finished.Where(c => c.FinishedTime > after)];
        // One forgotten while the queue was read may have been one of them.
        return after < ForgottenUpTo ? null : finished;
    }

    /// <summary>The open cases and those finished after <paramref name="after"/>, each once; null as for <see cref="FinishedAfter"/>.</summary>
    public IReadOnlyCollection<EventSummary>? OpenOrFinishedAfter(DateTimeOffset after)
    {
        var cases = new Dictionary<string, EventSummary>(StringComparer.Ordinal);
        foreach (var (id, open) in _open)
        {
            cases[id] = open;
        }
        if (FinishedAfter(after) is not { } finished)
        {
            return null;
        }
        foreach (var c in finished)
        {
            if (!cases.TryGetValue(c.Id, out var seen) || seen.Version < c.Version)
            {
                cases[c.Id] = c;
            }
        }
        return cases.Values;
    }

    /// <summary>
    /// Raises the mark before the case leaves the queue, so a reader that finds the mark unchanged after reading
    /// the queue read every case finished after it. One writer at a time (the model's write lock).
    /// </summary>
    private void Forget()
    {
        while (_finished.Count > capacity && _finished.TryPeek(out var oldest))
        {
            var ticks = oldest.FinishedTime!.Value.UtcTicks;
            if (ticks > Volatile.Read(ref _forgottenUpTo))
            {
                Volatile.Write(ref _forgottenUpTo, ticks);
            }
            _finished.TryDequeue(out _);
        }
    }
}
