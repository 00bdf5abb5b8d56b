using System.Diagnostics;
using HdrHistogram;

namespace GridActors.LoadTest.Metrics;

/// <summary>
/// One kind of latency (acknowledgements, one loop action, dashboard push) in HDR histograms of microseconds, three
/// significant digits up to ten minutes: a few hundred kilobytes however long the drill. Requests record from many
/// threads at once through a <see cref="Recorder"/>, which never blocks them; once a second the sampler rolls
/// what came in since into the whole run's histogram, so the live display and the report read a histogram nobody
/// writes to.
/// </summary>
public sealed class LatencyMeter
{
    /// <summary>Anything slower is recorded as this: a request the client gave up on long before.</summary>
    public const long LongestMicroseconds = 600_000_000;

    /// <summary>Bucket bounds for the report's bars, a 1-2-5 series from 0.1 ms to ten minutes.</summary>
    private static readonly double[] BucketBoundsMs =
        [.. Enumerable.Range(-1, 7).SelectMany(e => new[] { 1.0, 2.0, 5.0 }.Select(m => m * Math.Pow(10, e))), 600_000];

    private readonly Recorder _recorder = new(1, LongestMicroseconds, 3,
        (id, lowest, highest, digits) => new LongConcurrentHistogram(id, lowest, highest, digits));
    private readonly LongHistogram _whole = new(LongestMicroseconds, 3);
    private readonly Lock _rolling = new();
    private HistogramBase? _interval;

    public void Record(TimeSpan elapsed) => _recorder.RecordValue(Math.Clamp(elapsed.Ticks / 10, 0, LongestMicroseconds));

    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    /// <summary>Moves what was recorded since the last roll into the whole run, and returns that interval's figures.</summary>
    public Percentiles Roll()
    {
        lock (_rolling)
        {
            _interval = _interval is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_interval);
            _whole.Add(_interval);
            return Percentiles.Of(_interval);
        }
    }

    /// <summary>The whole run up to the last roll.</summary>
    public Percentiles Whole()
    {
        lock (_rolling)
        {
            return Percentiles.Of(_whole);
        }
    }

    /// <summary>The whole run in the report's buckets, without the empty ones before the first and after the last.</summary>
    public IReadOnlyList<HistogramBucket> Buckets()
    {
        var counts = new long[BucketBoundsMs.Length];
        lock (_rolling)
        {
            foreach (var value in _whole.RecordedValues())
            {
                var ms = value.ValueIteratedTo / 1000.0;
                var bucket = Array.FindIndex(BucketBoundsMs, bound => ms <= bound);
                counts[bucket < 0 ? counts.Length - 1 : bucket] += value.CountAddedInThisIterationStep;
            }
        }
        var first = Array.FindIndex(counts, c => c > 0);
        if (first < 0)
        {
            return [];
        }
        var last = Array.FindLastIndex(counts, c => c > 0);
        return [.. Enumerable.Range(first, last - first + 1).Select(i => new HistogramBucket(BucketBoundsMs[i], counts[i]))];
    }
}
