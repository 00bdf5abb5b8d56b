using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// The real Api with its co-hosted silo as a child process on <c>Storage=postgres</c>, on ports of its own:
/// what an operator runs, so that killing it is a real crash — nothing flushed, nothing disposed.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess _process;
    private readonly HttpClient _anonymous;

    private ApiProcess(ChildProcess process, Uri address, SiloPorts ports)
    {
        _process = process;
        Address = address;
        Ports = ports;
        _anonymous = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    /// <summary>The silo's ports: a host restarted after a crash comes back on the same ones.</summary>
    public SiloPorts Ports { get; }

    /// <summary>The process's last lines of output, for a failure message.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>
    /// Starts the Api on the database and waits until <c>/readyz</c> answers 200. HTTP gets a fresh port; the
    /// silo gets <paramref name="ports"/>, or fresh ones.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, SiloPorts? ports = null)
    {
        ports ??= SiloPorts.Free();
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var arguments = new Dictionary<string, string>
        {
            ["Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Simulation:Enabled"] = "false",
            ["urls"] = address.GetLeftPart(UriPartial.Authority),
            ["Orleans:SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }
        var process = ChildProcess.Start(ApiBuild.Dll("Api"), arguments, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        var api = new ApiProcess(process, address, ports);
        await api.WaitUntilReady();
        return api;
    }

    /// <summary>A client carrying a development token for the role and scope.</summary>
    public async Task<HttpClient> ClientFor(string role, string? scope = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(role, scope));
        return client;
    }

    /// <summary>A development token of this process: each Api process signs its own.</summary>
    public async Task<string> TokenFor(string role, string? scope = null)
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/dev-token", new { role, scope });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    /// <summary>kill -9 of the process and anything it started: no shutdown code runs.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _anonymous.Dispose();
    }

    private async Task WaitUntilReady()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Api exited with code {_process.ExitCode} while starting:{Environment.NewLine}{RecentOutput}");
            }
            if (await IsReady())
            {
                return;
            }
            await Task.Delay(100);
        }
        await KillAsync();
        throw new TimeoutException($"The Api was not ready within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private async Task<bool> IsReady()
    {
        try
        {
            return (await _anonymous.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return false;
        }
    }

    private sealed record TokenBody(string Token);
}
