namespace GridActors.LoadTest.Metrics;

/// <summary>How many requests took longer than the bucket below and at most <see cref="UpToMs"/>.</summary>
public sealed record HistogramBucket(double UpToMs, long Count);
