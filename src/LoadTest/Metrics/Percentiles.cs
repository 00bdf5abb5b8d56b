using HdrHistogram;

namespace GridActors.LoadTest.Metrics;

/// <summary>A latency distribution as the report and the closing line quote it, in milliseconds.</summary>
public sealed record Percentiles(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static Percentiles None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reads a histogram of microseconds.</summary>
    public static Percentiles Of(HistogramBase microseconds)
    {
        if (microseconds.TotalCount == 0)
        {
            return None;
        }
        double At(double percentile) => microseconds.GetValueAtPercentile(percentile) / 1000.0;
        return new Percentiles(
            microseconds.TotalCount, microseconds.GetMean() / 1000.0, At(50), At(90), At(99), At(99.9), microseconds.GetMaxValue() / 1000.0);
    }
}
