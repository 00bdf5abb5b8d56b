using System.Net;
using System.Net.Sockets;
using GridActors.Grains.Interfaces;
using GridActors.Silo.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;

namespace GridActors.LoadTest;

/// <summary>
/// A silo in this process with nothing but the Postgres storage, wired by the same
/// <see cref="PostgresSiloBuilderExtensions.AddGridActorsPostgres"/> the real silo calls — so both providers are
/// the ones the county's and the events' grains get, migrations included — and without the county: no
/// warm-up, no simulation, no grain activations competing for the two cores.
/// </summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StorageHost(IHost host, string serviceId)
    {
        _host = host;
        ServiceId = serviceId;
    }

    /// <summary>
    /// A service id of its own, so the drill's rows are never read by a real silo sharing the database, and
    /// can be removed afterwards without touching anyone else's.
    /// </summary>
    public string ServiceId { get; }

    public IGrainStorage AdoNet => _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.County);

    public IGrainStorage GroupCommit => _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Events);

    public IGrainStorageSerializer Serializer => _host.Services.GetRequiredService<IGrainStorageSerializer>();

    public static async Task<StorageHost> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var serviceId = $"storage-drill-{Guid.NewGuid():N}"[..22];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort(), serviceId: serviceId, clusterId: serviceId)
            .AddGridActorsPostgres(connectionString));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new StorageHost(host, serviceId);
    }

    /// <summary>Deletes every row the drill wrote, in both providers' tables.</summary>
    public async Task<int> RemoveDrillRowsAsync(CancellationToken cancellationToken)
    {
        var database = _host.Services.GetRequiredService<NpgsqlDataSource>();
        var removed = 0;
        foreach (var table in new[] { "orleans_grain_state", "batched_grain_state" })
        {
            await using var command = database.CreateCommand($"DELETE FROM {table} WHERE service_id = $1");
            command.Parameters.Add(new() { Value = ServiceId });
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return removed;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>A port nobody listens on now, so the drill runs beside a silo on the default ports.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
