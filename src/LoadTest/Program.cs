using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridActors.LoadTest;
using GridActors.LoadTest.Calibration;
using GridActors.LoadTest.Faults;
using GridActors.LoadTest.Soak;

if (args is [StorageDrillOptions.Command, .. var storageArgs])
{
    return await StorageDrillCommand.RunAsync(storageArgs);
}
if (args is [FaultDrillOptions.Command, .. var faultArgs])
{
    return await FaultDrillCommand.RunAsync(faultArgs);
}
if (args is [CalibrationOptions.Command, .. var calibrationArgs])
{
    return await CalibrateCommand.RunAsync(calibrationArgs);
}
if (args is [SoakOptions.Command, .. var soakArgs])
{
    return await SoakCommand.RunAsync(soakArgs);
}

if (!CommandLine.TryParse(() => DrillOptions.Parse(args), out var options,
    DrillOptions.Usage, StorageDrillOptions.Usage, FaultDrillOptions.Usage, SoakOptions.Usage, CalibrationOptions.Usage))
{
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};
var token = await http.PostAsJsonAsync("/api/auth/dev-token", new { role = "city" });
token.EnsureSuccessStatusCode();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
    "Bearer", (await token.Content.ReadFromJsonAsync<TokenResponse>())!.Token);

Console.WriteLine(options.Events is { } events
    ? $"Event drill against {options.BaseUrl}: {events:N0} reports{(options.Loop ? ", each through the loop" : "")}, {options.Concurrency} loops"
    : $"Read drill against {options.BaseUrl}: {options.Requests:N0} requests, {options.Concurrency} loops");
await using var dashboards = options is { Events: not null, Dashboards: > 0 }
    ? await DashboardWatch.OpenAsync(http, DashboardWatch.MarkerGrid, options.Dashboards, CancellationToken.None)
    : null;
var result = options.Events is null
    ? await new ReadDrill(http, options).RunAsync(CancellationToken.None)
    : await new EventDrill(http, options, dashboards).RunAsync(CancellationToken.None);
Console.WriteLine(result.SummaryLine());
if (options.ReportPath is { } path)
{
    await File.WriteAllTextAsync(path, result.Markdown());
    Console.WriteLine($"report written to {path}");
}
return result.Errors == 0 ? 0 : 1;

internal sealed record TokenResponse(string Token);
