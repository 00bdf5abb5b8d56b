using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest;

/// <summary>
/// The root command: the event drill when <c>--events</c> is given, the read drill otherwise. The event drill
/// always writes its report and ends with its closing line; the exit code is 1 when anything was lost, doubled,
/// refused or left unfinished.
/// </summary>
public static class DrillCommand
{
    public static async Task<int> RunAsync(DrillOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency };
        using var http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await CitySignIn.SignInAsync(http, cancellationToken);
        // The erasure answers when it is done: 400,000 closed cases took up to 20 s (docs/BENCHMARKS.md), open ones
        // go through their grains and take longer than any single request of the drill may.
        using var eraser = new HttpClient(handler, disposeHandler: false) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromMinutes(20) };
        eraser.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;

        if (options.Events is not { } events)
        {
            Console.WriteLine($"Read drill against {options.BaseUrl}: {options.Requests:N0} requests, {options.Concurrency} loops");
            var reads = await new ReadDrill(http, options).RunAsync(cancellationToken);
            Console.WriteLine(reads.SummaryLine());
            if (options.ReportPath is { } path)
            {
                await File.WriteAllTextAsync(path, reads.Markdown(), cancellationToken);
                Console.WriteLine($"report written to {path}");
            }
            return reads.Errors == 0 ? 0 : 1;
        }

        Console.WriteLine($"Event drill against {options.BaseUrl}: {events:N0} reports{(options.Loop ? ", each through the loop" : "")}, " +
            $"{options.Concurrency} in flight{(options.Mode == DrillMode.Field ? $", {options.Rate} reports/s" : "")}, {options.Dashboards} dashboards");
        var report = await new EventDrill(http, options, eraser).RunAsync(cancellationToken);
        var (html, json) = await ReportFiles.WriteAsync(report, options.HtmlReportPath, cancellationToken);
        Console.WriteLine($"report: {html} (and {json})");
        var totals = report.Totals;
        if (totals.Errors > 0)
        {
            Console.WriteLine($"errors: {totals.Errors:N0}; the first: {string.Join(" | ", report.Failures.Take(3))}");
        }
        Console.WriteLine(ClosingLine.Format(report));
        var clean = totals is { Errors: 0, Lost: 0, Duplicates: 0 } && totals.Events == totals.Planned && (!options.Loop || totals.Closed == totals.Events);
        return clean ? 0 : 1;
    }
}
