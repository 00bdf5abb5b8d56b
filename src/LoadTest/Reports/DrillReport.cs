using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Reports;

/// <summary>
/// Everything the event drill measured, as the JSON report holds it and the HTML report draws it: the header,
/// the totals, each meter (ack, every loop action, push), the time series, what the dashboards saw, and the
/// first failures word for word.
/// </summary>
public sealed record DrillReport(
    DrillHeader Header,
    DrillTotals Totals,
    IReadOnlyList<LatencyReport> Latencies,
    IReadOnlyList<DrillSample> Samples,
    DashboardResult? Dashboards,
    IReadOnlyList<string> Failures)
{
    public Percentiles Ack => Latency(LatencyMeters.AckName) ?? Percentiles.None;

    /// <summary>Null when no dashboard watched.</summary>
    public Percentiles? Push => Header.Dashboards > 0 ? Latency(LatencyMeters.PushName) : null;

    private Percentiles? Latency(string name) => Latencies.FirstOrDefault(l => l.Name == name)?.Percentiles;
}
