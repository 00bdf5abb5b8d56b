using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The send phase: alarms and batches sent, its wall time and the sustained intake it gives, each batch's latency
/// (the answered attempt only), and the batches sent again because the Api was busy.
/// </summary>
public sealed record StormIntake(
    int Alarms,
    int Batches,
    double Seconds,
    double AlarmsPerSecond,
    Percentiles BatchLatency,
    IReadOnlyList<HistogramBucket> BatchLatencyBuckets,
    int Retries,
    IReadOnlyDictionary<string, int> RetriedBecause);
