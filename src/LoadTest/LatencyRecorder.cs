using System.Diagnostics;
using HdrHistogram;

namespace GridActors.LoadTest;

/// <summary>
/// Collects per-request latencies from many loops without locks: each loop owns an HDR histogram (three
/// significant digits, up to ten minutes), so a drill of a million requests holds a few hundred kilobytes, not
/// every sample.
/// </summary>
public sealed class LatencyRecorder
{
    /// <summary>Anything slower is recorded as this: a request the client gave up on long before.</summary>
    private static readonly long Longest = Stopwatch.Frequency * 600;

    private readonly LongHistogram[] _perLoop;
    private long _count;

    public LatencyRecorder(int loops) => _perLoop = [.. Enumerable.Range(0, loops).Select(_ => new LongHistogram(Longest, 3))];

    public void Record(int loop, long startTimestamp)
    {
        _perLoop[loop].RecordValue(Math.Min(Stopwatch.GetTimestamp() - startTimestamp, Longest));
        Interlocked.Increment(ref _count);
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Latency percentiles in milliseconds, once the loops are done.</summary>
    public LatencySummary Summarize()
    {
        var all = new LongHistogram(Longest, 3);
        foreach (var loop in _perLoop)
        {
            all.Add(loop);
        }
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double At(double percentile) => all.TotalCount == 0 ? 0 : Ms(all.GetValueAtPercentile(percentile));
        return new LatencySummary((int)all.TotalCount, At(50), At(90), At(99), all.TotalCount == 0 ? 0 : Ms(all.GetMaxValue()));
    }
}

public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);
