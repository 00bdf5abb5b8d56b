using System.Diagnostics;

namespace GridActors.LoadTest;

/// <summary>Collects per-request latencies from many loops without locks: each loop owns a list.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long>[] _perLoop;

    public LatencyRecorder(int loops) => _perLoop = [.. Enumerable.Range(0, loops).Select(_ => new List<long>())];

    public void Record(int loop, long startTimestamp) =>
        _perLoop[loop].Add(Stopwatch.GetTimestamp() - startTimestamp);

    public int Count => _perLoop.Sum(l => l.Count);

    /// <summary>Latency percentiles in milliseconds, nearest-rank.</summary>
    public LatencySummary Summarize()
    {
        var all = _perLoop.SelectMany(l => l).Order().ToArray();
        double Ms(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double At(double quantile) => all.Length == 0 ? 0 : Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(quantile * all.Length) - 1)]);
        return new LatencySummary(all.Length, At(0.50), At(0.90), At(0.99), all.Length == 0 ? 0 : Ms(all[^1]));
    }
}

public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);
