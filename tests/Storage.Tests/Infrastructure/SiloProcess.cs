using System.Globalization;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// The headless Silo as a child process on <c>Storage=postgres</c>: it has no HTTP, so it is up when the
/// membership table lists it as active.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, SiloPorts ports)
    {
        _process = process;
        Ports = ports;
    }

    public SiloPorts Ports { get; }

    public string RecentOutput => _process.RecentOutput;

    public static SiloProcess Start(TestDatabase database)
    {
        var ports = SiloPorts.Free();
        var process = ChildProcess.Start(ApiBuild.Dll("Silo"), new Dictionary<string, string>
        {
            ["Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Orleans:SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        });
        return new SiloProcess(process, ports);
    }

    /// <summary>kill -9: the silo leaves without telling anyone.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
