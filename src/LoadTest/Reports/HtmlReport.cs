using System.Globalization;
using System.Net;
using System.Text;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Reports;

/// <summary>
/// The drill's report as one self-contained HTML page: no script, no stylesheet or font from elsewhere, charts as
/// inline SVG, so it opens offline and can be attached to an issue as it is.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; max-width: 960px; }
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; margin: 8px 0; } td, th { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: right; }
        td:first-child, th:first-child, table.facts td { text-align: left; } pre { background: #f6f6f6; padding: 8px; white-space: pre-wrap; }
        svg { display: block; margin: 8px 0; } svg text { font-size: 11px; fill: #444; } svg .grid { stroke: #e4e4e4; }
        .none { color: #888; } .bad { color: #b00; font-weight: bold; }
        """;

    public static string Render(DrillReport report)
    {
        var (header, totals) = (report.Header, report.Totals);
        var html = new StringBuilder();
        html.Append(F($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>GridActors drill {E(header.DrillId)}</title>"));
        html.Append("<style>").Append(Style).Append("</style></head><body>");
        html.Append(F($"<h1>GridActors drill {E(header.DrillId)}: {E(header.Mode)} mode</h1>"));
        html.Append(F($"<pre>{E(ClosingLine.Format(report))}</pre>"));
        Rows(html, [
            ("command", $"<code>{E(header.CommandLine)}</code>"),
            ("commit", E(header.Commit)),
            ("machine", E(header.Machine.ToString())),
            ("date (UTC)", E(F($"{header.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} to {header.FinishedAt.UtcDateTime:HH:mm:ss}"))),
            ("target", E(header.BaseUrl)),
            ("drill", E(F($"{header.Concurrency} in flight{(header.Rate is { } rate ? $", {rate} reports/s planned" : "")}, {header.Dashboards} dashboards, loop {(header.Loop ? "on" : "off")}"))),
            ("resident memory from", E(header.MemorySource)),
        ]);

        html.Append("<h2>Outcome</h2>");
        Rows(html, [
            ("reports acknowledged", F($"{totals.Events:N0} of {totals.Planned:N0}")),
            ("cases closed", F($"{totals.Closed:N0}")),
            ("lost (not found / not closed)", Flag(totals.Lost, F($"{totals.Lost:N0} ({totals.NotFound:N0} / {totals.NotClosed:N0})"))),
            ("duplicates", Flag(totals.Duplicates, F($"{totals.Duplicates:N0}"))),
            ("cases filed without a 201", F($"{totals.Unacknowledged:N0}")),
            ("errors", Flag(totals.Errors, F($"{totals.Errors:N0}"))),
            ("run", F($"{totals.RunSeconds:F1} s: {totals.Throughput:F1} closed/s, {totals.ReportsPerSecond:F1} reports/s")),
            ("Api peak resident memory", totals.PeakRssMb is { } mb ? F($"{mb:F0} MB") : ClosingLine.NotMeasured),
            ("drill field known to the Api", totals.ApiMarksDrills ? "yes (the listing returned it)" : "no sign of it (titles and times told the drill's cases)"),
            ("cleanup", E(totals.Cleanup ?? "not asked for (--cleanup true)")),
        ]);

        var samples = report.Samples;
        html.Append("<h2>Throughput over time</h2>").Append(SvgChart.Lines("throughput", "a second", [
            new("reports acknowledged", "#4a7bb7", [.. samples.Select(s => (s.Seconds, s.ReportsPerSecond))]),
            new("cases closed", "#d9822b", [.. samples.Select(s => (s.Seconds, s.ClosedPerSecond))]),
        ]));
        html.Append("<h2>Open cases over time</h2>").Append(SvgChart.Lines("open cases", "cases", [
            new("acknowledged, not closed", "#6a9f58", [.. samples.Select(s => (s.Seconds, (double)s.Open))]),
        ]));
        html.Append("<h2>Latency over time (p99 of each second)</h2>").Append(SvgChart.Lines("p99 latency", "ms", [
            new("ack p99", "#4a7bb7", [.. samples.Where(s => s.AckP99Ms is not null).Select(s => (s.Seconds, s.AckP99Ms!.Value))]),
            new("dashboard push p99", "#b7484a", [.. samples.Where(s => s.PushP99Ms is not null).Select(s => (s.Seconds, s.PushP99Ms!.Value))]),
        ]));
        html.Append("<h2>Api resident memory over time</h2>").Append(SvgChart.Lines("resident memory", "MB", [
            new("resident", "#7a5aa6", [.. samples.Where(s => s.ResidentMb is not null).Select(s => (s.Seconds, s.ResidentMb!.Value))]),
        ]));

        html.Append("<h2>Latency percentiles</h2>");
        LatencyTable(html, report.Latencies);
        html.Append("<h2>Latency histograms</h2>");
        foreach (var latency in report.Latencies.Where(l => l.Percentiles.Count > 0))
        {
            html.Append(F($"<h3>{E(Describe(latency.Name))}</h3>")).Append(SvgChart.Bars(latency.Name, latency.Buckets));
        }
        if (report.Dashboards is { } d)
        {
            html.Append("<h2>Dashboards</h2>");
            Rows(html, [
                ("city dashboards", F($"{d.Dashboards}, over {d.ReportSeconds:F1} s of reports")),
                ("messages a second per dashboard (busiest second)", F($"{d.MessagesPerSecond:F1} ({d.BusiestSecond})")),
                ("markers shown (push delay above)", F($"{d.MarkersShown} of {d.Markers}")),
                ("tiles' count behind the 201s, p50", F($"{d.CountLagP50Ms:F0} ms")),
                ("tiles at the county's count after the last report", d.LastStateAfterMs is { } ms ? F($"{ms:F0} ms") : "never"),
            ]);
        }
        if (report.Failures.Count > 0)
        {
            html.Append(F($"<h2>First failures ({totals.Errors:N0} in all)</h2><pre>"));
            html.AppendJoin('\n', report.Failures.Select(E)).Append("</pre>");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void LatencyTable(StringBuilder html, IReadOnlyList<LatencyReport> latencies)
    {
        html.Append("<table><tr><th>what</th><th>count</th><th>mean</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        foreach (var (name, p, _) in latencies)
        {
            html.Append(F($"<tr><td>{E(Describe(name))}</td><td>{p.Count:N0}</td><td>{p.MeanMs:F2}</td><td>{p.P50Ms:F2}</td><td>{p.P90Ms:F2}</td>"));
            html.Append(F($"<td>{p.P99Ms:F2}</td><td>{p.P999Ms:F2}</td><td>{p.MaxMs:F1}</td></tr>"));
        }
        html.Append("</table><p class=\"none\">Milliseconds; only answers with the status the contract promises are timed.</p>");
    }

    private static string Describe(string name) => name switch
    {
        LatencyMeters.AckName => "report acknowledged (201)",
        LatencyMeters.PushName => "dashboard push (201 → on a screen)",
        "batch" => "batch of reports (whole request)",
        _ => $"action: {name}",
    };

    private static void Rows(StringBuilder html, IEnumerable<(string Name, string Html)> rows)
    {
        html.Append("<table class=\"facts\">");
        foreach (var (name, value) in rows)
        {
            html.Append(F($"<tr><td>{E(name)}</td><td>{value}</td></tr>"));
        }
        html.Append("</table>");
    }

    private static string Flag(long count, string text) => count == 0 ? text : $"<span class=\"bad\">{text}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
