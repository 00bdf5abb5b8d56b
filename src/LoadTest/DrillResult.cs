using System.Globalization;
using System.Text;

namespace GridActors.LoadTest;

/// <summary>What the read drill measured: its phase, as a summary line and a Markdown report.</summary>
public sealed record DrillResult(string Drill, DrillOptions Options, IReadOnlyList<PhaseResult> Phases)
{
    public int Errors => Phases.Sum(p => p.Errors);

    public string SummaryLine() =>
        FormattableString.Invariant($"drill={Drill} concurrency={Options.Concurrency} ") + string.Join(" ", Phases.Select(p =>
            FormattableString.Invariant(
                $"{p.Name}: requests={p.Latency.Count} elapsed={p.Elapsed.TotalSeconds:F1}s throughput={p.Throughput:F0}/s p50={p.Latency.P50Ms:F2}ms p99={p.Latency.P99Ms:F2}ms max={p.Latency.MaxMs:F1}ms errors={p.Errors};")));

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
        return report.ToString();
    }
}
