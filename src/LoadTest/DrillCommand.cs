using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GridActors.LoadTest;

/// <summary>The root command: the event drill when <c>--events</c> is given, the read drill otherwise.</summary>
public static class DrillCommand
{
    public static async Task<int> RunAsync(DrillOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var token = await http.PostAsJsonAsync("/api/auth/dev-token", new { role = "city" }, cancellationToken);
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.Token);

        Console.WriteLine(options.Events is { } events
            ? $"Event drill against {options.BaseUrl}: {events:N0} reports{(options.Loop ? ", each through the loop" : "")}, {options.Concurrency} loops"
            : $"Read drill against {options.BaseUrl}: {options.Requests:N0} requests, {options.Concurrency} loops");
        await using var dashboards = options is { Events: not null, Dashboards: > 0 }
            ? await DashboardWatch.OpenAsync(http, DashboardWatch.MarkerGrid, options.Dashboards, cancellationToken)
            : null;
        var result = options.Events is null
            ? await new ReadDrill(http, options).RunAsync(cancellationToken)
            : await new EventDrill(http, options, dashboards).RunAsync(cancellationToken);
        Console.WriteLine(result.SummaryLine());
        if (options.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, result.Markdown(), cancellationToken);
            Console.WriteLine($"report written to {path}");
        }
        return result.Errors == 0 ? 0 : 1;
    }
}
