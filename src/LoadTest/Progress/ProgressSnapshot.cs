using System.Globalization;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Progress;

/// <summary>What the progress display shows at one moment: the phase, counts, rates now and on average, latencies.</summary>
public sealed record ProgressSnapshot(
    string Phase,
    int Planned,
    long Reported,
    long Closed,
    long Errors,
    long Open,
    double Seconds,
    double ReportsNow,
    double ClosedNow,
    double AckP50Ms,
    double AckP99Ms,
    double? PushP99Ms,
    double? ResidentMb)
{
    public double ReportsMean => Seconds > 0 ? Reported / Seconds : 0;

    public double ClosedMean => Seconds > 0 ? Closed / Seconds : 0;

    public static ProgressSnapshot Of(RunState state, RunSampler sampler, bool dashboards)
    {
        var latest = sampler.Latest;
        var ack = state.Meters.Ack.Whole();
        return new ProgressSnapshot(
            state.Phase, state.Planned, state.Reported, state.Closed, state.Errors, state.Open, sampler.Elapsed.TotalSeconds,
            latest?.ReportsPerSecond ?? 0, latest?.ClosedPerSecond ?? 0, ack.P50Ms, ack.P99Ms,
            dashboards ? state.Meters.Push.Whole().P99Ms : null, latest?.ResidentMb);
    }

    /// <summary>The one line a redirected output gets every few seconds.</summary>
    public string PlainLine() => string.Create(CultureInfo.InvariantCulture,
        $"  {Seconds,6:F0}s {Phase}: reported {Reported:N0}/{Planned:N0} closed {Closed:N0}/{Planned:N0} open {Open:N0} " +
        $"reports/s {ReportsNow:F0} (mean {ReportsMean:F0}) closed/s {ClosedNow:F0} (mean {ClosedMean:F0}) " +
        $"ack p50 {AckP50Ms:F1}ms p99 {AckP99Ms:F1}ms{(PushP99Ms is { } push ? $" push p99 {push:F0}ms" : "")} errors {Errors}" +
        $"{(ResidentMb is { } mb ? $" api {mb:F0}MB" : "")}");
}
