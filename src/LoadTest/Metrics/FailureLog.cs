using System.Collections.Concurrent;

namespace GridActors.LoadTest.Metrics;

/// <summary>The first few failures of a drill, word for word: enough to see what went wrong, bounded however many.</summary>
public sealed class FailureLog(int kept = 20)
{
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public void Add(string what)
    {
        if (Interlocked.Increment(ref _count) <= kept)
        {
            _first.Enqueue(what);
        }
    }

    /// <summary>Every failure added, not only the ones kept.</summary>
    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<string> First() => [.. _first];
}
