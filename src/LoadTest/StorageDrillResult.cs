using System.Globalization;
using System.Text;

namespace GridActors.LoadTest;

/// <summary>
/// The storage drill's rounds, reduced to one line per provider and phase: the median over rounds of throughput,
/// p50 and p99, and group commit's throughput as a multiple of the ADO.NET provider's.
/// </summary>
public sealed record StorageDrillResult(
    StorageDrillOptions Options, int FirstPayloadBytes, int UpdatePayloadBytes,
    IReadOnlyList<ProviderPhase> Warmup, IReadOnlyList<ProviderPhase> Measured)
{
    /// <summary>Warm-up errors count too: a failure is a failure whenever it happened.</summary>
    public int Errors => Warmup.Concat(Measured).Sum(p => p.Errors);

    public IEnumerable<Summary> Summaries() => Measured
        .GroupBy(p => (p.Provider, p.Phase))
        .Select(g => new Summary(
            g.Key.Provider, g.Key.Phase, [.. g.Select(p => p.Result.Throughput)],
            Median(g.Select(p => p.Result.Throughput)), Median(g.Select(p => p.Result.Latency.P50Ms)), Median(g.Select(p => p.Result.Latency.P99Ms)),
            g.Sum(p => p.Errors), g.Sum(p => p.Verified - p.Mismatches), g.Sum(p => p.Verified)));

    /// <summary>Group commit's median throughput over the ADO.NET provider's, per phase.</summary>
    public IEnumerable<(string Phase, double Ratio)> Ratios()
    {
        var summaries = Summaries().ToList();
        return summaries.Where(s => s.Provider == StorageDrill.GroupCommit).Select(s =>
            (s.Phase, s.Throughput / summaries.Single(a => a.Provider == StorageDrill.AdoNet && a.Phase == s.Phase).Throughput));
    }

    public static string RoundLine(ProviderPhase p) => FormattableString.Invariant(
        $"  {p.Provider} {p.Phase}: writes={p.Result.Latency.Count} elapsed={p.Result.Elapsed.TotalSeconds:F1}s throughput={p.Result.Throughput:F0}/s p50={p.Result.Latency.P50Ms:F2}ms p99={p.Result.Latency.P99Ms:F2}ms max={p.Result.Latency.MaxMs:F1}ms errors={p.Result.Errors} verified={p.Verified - p.Mismatches}/{p.Verified}");

    public IEnumerable<string> SummaryLines() =>
        Summaries().Select(s => FormattableString.Invariant(
            $"drill=storage provider={s.Provider} phase=\"{s.Phase}\" concurrency={Options.Concurrency} writes={Options.Writes} rounds={Options.Rounds}: median throughput={s.Throughput:F0}/s ({string.Join(", ", s.Rounds.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}) p50={s.P50Ms:F2}ms p99={s.P99Ms:F2}ms errors={s.Errors} verified={s.VerifiedOk}/{s.VerifiedTotal};"))
        .Append("drill=storage group-commit/adonet: " + string.Join(" ", Ratios().Select(r => FormattableString.Invariant($"{r.Phase}={r.Ratio:F1}x;"))));

    public string Markdown()
    {
        var invariant = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("# GridActors drill: storage");
        report.AppendLine();
        report.AppendLine(invariant, $"- finished: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}, {Environment.ProcessorCount} cores");
        report.AppendLine(invariant, $"- {Options.Writes:N0} writes a phase, {Options.Concurrency} concurrent callers, {Options.Rounds} rounds, {Options.Warmup:N0} warm-up writes");
        report.AppendLine(invariant, $"- payload: {FirstPayloadBytes} bytes first write, {UpdatePayloadBytes} bytes update");
        report.AppendLine();
        report.AppendLine("| phase | provider | rounds | median throughput | p50 | p99 | errors | verified |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in Summaries().OrderBy(s => s.Phase, StringComparer.Ordinal))
        {
            report.AppendLine(invariant,
                $"| {s.Phase} | {s.Provider} | {string.Join(", ", s.Rounds.Select(t => t.ToString("N0", invariant)))}/s | **{s.Throughput:N0}/s** | {s.P50Ms:F2} ms | {s.P99Ms:F2} ms | {s.Errors} | {s.VerifiedOk}/{s.VerifiedTotal} |");
        }
        report.AppendLine();
        foreach (var (phase, ratio) in Ratios())
        {
            report.AppendLine(invariant, $"- {phase}: group commit {ratio:F1}× the ADO.NET provider");
        }
        return report.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public sealed record Summary(
        string Provider, string Phase, IReadOnlyList<double> Rounds, double Throughput, double P50Ms, double P99Ms,
        int Errors, int VerifiedOk, int VerifiedTotal);
}
