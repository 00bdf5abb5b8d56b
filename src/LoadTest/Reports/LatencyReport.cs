using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Reports;

/// <summary>One meter's whole run: its percentiles and its histogram in the report's buckets.</summary>
public sealed record LatencyReport(string Name, Percentiles Percentiles, IReadOnlyList<HistogramBucket> Buckets);
