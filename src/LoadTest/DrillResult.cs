using System.Globalization;
using System.Text;

namespace GridActors.LoadTest;

public sealed record DrillResult(string Drill, DrillOptions Options, LatencySummary Latency, int Errors, TimeSpan Elapsed)
{
    public double Throughput => Latency.Count / Elapsed.TotalSeconds;

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"drill={Drill} requests={Latency.Count} concurrency={Options.Concurrency} elapsed={Elapsed.TotalSeconds:F1}s " +
        $"throughput={Throughput:F0}/s p50={Latency.P50Ms:F2}ms p90={Latency.P90Ms:F2}ms p99={Latency.P99Ms:F2}ms max={Latency.MaxMs:F1}ms errors={Errors}");

    public string Markdown()
    {
        var report = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        report.AppendLine(invariant, $"# GridActors drill: {Drill}");
        report.AppendLine();
        report.AppendLine(invariant, $"- target: {Options.BaseUrl}");
        report.AppendLine(invariant, $"- finished: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}, {Environment.ProcessorCount} cores");
        report.AppendLine(invariant, $"- requests: {Latency.Count:N0} from {Options.Concurrency} concurrent loops in {Elapsed.TotalSeconds:F1} s");
        report.AppendLine();
        report.AppendLine("| throughput | p50 | p90 | p99 | max | errors |");
        report.AppendLine("|---|---|---|---|---|---|");
        report.AppendLine(invariant,
            $"| {Throughput:F0}/s | {Latency.P50Ms:F2} ms | {Latency.P90Ms:F2} ms | {Latency.P99Ms:F2} ms | {Latency.MaxMs:F1} ms | {Errors} |");
        return report.ToString();
    }
}
