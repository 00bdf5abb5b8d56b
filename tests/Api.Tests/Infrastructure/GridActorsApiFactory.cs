using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>
/// The Api with its co-hosted silo, in memory, on ports of its own so that several factories and a local
/// run can coexist. Ready (county opened) before any test runs.
/// </summary>
public class GridActorsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected virtual string EnvironmentName => "Development";

    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var (siloPort, gatewayPort) = TwoFreePorts();
        builder.UseSetting("Orleans:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"api-tests-{Guid.NewGuid():N}");
        // The run command simulates a county at work; tests make their own work.
        builder.UseSetting("Simulation:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerAddressFilter>());
    }

    public async ValueTask InitializeAsync()
    {
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

    /// <summary>A client carrying a development token for the role and scope.</summary>
    public async Task<HttpClient> ClientFor(string role, string? scope = null, string? subject = null) =>
        ClientWith(await TokenFor(role, scope, subject));

    /// <summary>A client carrying the bearer token.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A development token for the role and scope.</summary>
    public async Task<string> TokenFor(string role, string? scope = null, string? subject = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { role, scope, subject });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    private sealed record TokenBody(string Token);

    /// <summary>
    /// Both held at once: a port freed and asked for again may come back the same, and a silo port equal to its
    /// gateway port stops the host (a full run saw it).
    /// </summary>
    private static (int Silo, int Gateway) TwoFreePorts()
    {
        using var silo = new TcpListener(IPAddress.Loopback, 0);
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        return (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<GridActorsApiFactory>
{
    public const string Name = "api";
}
