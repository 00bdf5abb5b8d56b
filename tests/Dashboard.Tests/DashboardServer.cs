using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridActors.Dashboard.Tests;

/// <summary>
/// The Api with its co-hosted silo on a real Kestrel port, so that a real browser can open the dashboard;
/// in memory, with no simulation, so that the county changes only when the test reports a case.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public DashboardServer() => UseKestrel(FreePort());

    public Uri Address => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"dashboard-tests-{Guid.NewGuid():N}");
        builder.UseSetting("Simulation:Enabled", "false");
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The Api did not become ready within 60 s.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A client with a development token for the city.</summary>
    public async Task<HttpClient> CityClient()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { role = "city" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
