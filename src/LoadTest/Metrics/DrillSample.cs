namespace GridActors.LoadTest.Metrics;

/// <summary>
/// The drill as it stood <see cref="Seconds"/> into the run: counts so far, rates and latency over the interval
/// since the sample before (null when nothing was timed in it), the Api's resident memory (null when unknown).
/// </summary>
public sealed record DrillSample(
    double Seconds,
    long Reported,
    long Closed,
    long Errors,
    long Open,
    double ReportsPerSecond,
    double ClosedPerSecond,
    double? AckP99Ms,
    double? PushP99Ms,
    double? ResidentMb);
