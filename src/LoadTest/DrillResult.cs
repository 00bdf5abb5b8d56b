using System.Globalization;
using System.Text;

namespace GridActors.LoadTest;

public sealed record DrillResult(string Drill, DrillOptions Options, IReadOnlyList<PhaseResult> Phases)
{
    /// <summary>What the live dashboards saw, when the drill ran with <c>--dashboards</c>.</summary>
    public DashboardResult? Dashboards { get; init; }

    public int Errors => Phases.Sum(p => p.Errors);

    public string SummaryLine() =>
        FormattableString.Invariant($"drill={Drill} concurrency={Options.Concurrency} ") + string.Join(" ", Phases.Select(p =>
            FormattableString.Invariant(
                $"{p.Name}: requests={p.Latency.Count} elapsed={p.Elapsed.TotalSeconds:F1}s throughput={p.Throughput:F0}/s p50={p.Latency.P50Ms:F2}ms p99={p.Latency.P99Ms:F2}ms max={p.Latency.MaxMs:F1}ms errors={p.Errors};")))
        + (Dashboards is { } d
            ? FormattableString.Invariant(
                $" dashboards={d.Dashboards}: messages/s={d.MessagesPerSecond:F1} busiest-second={d.BusiestSecond} marker-p50={d.MarkerP50Ms:F0}ms marker-p99={d.MarkerP99Ms:F0}ms markers-shown={d.MarkersShown}/{d.Markers} count-lag-p50={d.CountLagP50Ms:F0}ms last-state-after={(d.LastStateAfterMs is { } ms ? $"{ms:F0}ms" : "never")};")
            : "");

    public string Markdown()
    {
        var invariant = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine(invariant, $"# GridActors drill: {Drill}");
        report.AppendLine();
        report.AppendLine(invariant, $"- target: {Options.BaseUrl}");
        report.AppendLine(invariant, $"- finished: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}, {Environment.ProcessorCount} cores");
        report.AppendLine(invariant, $"- concurrency: {Options.Concurrency} loops");
        report.AppendLine();
        report.AppendLine("| phase | requests | time | throughput | p50 | p90 | p99 | max | errors |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var p in Phases)
        {
            report.AppendLine(invariant,
                $"| {p.Name} | {p.Latency.Count:N0} | {p.Elapsed.TotalSeconds:F1} s | {p.Throughput:F0}/s | {p.Latency.P50Ms:F2} ms | {p.Latency.P90Ms:F2} ms | {p.Latency.P99Ms:F2} ms | {p.Latency.MaxMs:F1} ms | {p.Errors} |");
        }
        if (Dashboards is { } d)
        {
            report.AppendLine();
            report.AppendLine(invariant, $"Live dashboards subscribed to the city: {d.Dashboards}, during {d.ReportSeconds:F1} s of reports; {d.Markers} marker reports into one grid.");
            report.AppendLine();
            report.AppendLine("| messages/s per dashboard | busiest second | marker 201 → feed p50 | p99 | max | markers shown | tiles' count lag p50 | last state after the last report |");
            report.AppendLine("|---|---|---|---|---|---|---|---|");
            report.AppendLine(invariant,
                $"| {d.MessagesPerSecond:F1} | {d.BusiestSecond} | {d.MarkerP50Ms:F0} ms | {d.MarkerP99Ms:F0} ms | {d.MarkerMaxMs:F0} ms | {d.MarkersShown}/{d.Markers} | {d.CountLagP50Ms:F0} ms | {(d.LastStateAfterMs is { } ms ? $"{ms:F0} ms" : "never")} |");
        }
        return report.ToString();
    }
}
