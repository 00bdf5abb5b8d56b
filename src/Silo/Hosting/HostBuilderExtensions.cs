using GridActors.Silo.Configuration;
using GridActors.Silo.Postgres;
using GridActors.Silo.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GridActors.Silo.Hosting;

public static class HostBuilderExtensions
{
    /// <summary>Grain addresses each silo keeps cached: many times the grains a peak keeps busy at once.</summary>
    public const int DirectoryCacheSize = 50_000;

    /// <summary>Runs a GridActors silo in this host, clustered on localhost with the embedded storage by default.</summary>
    public static IHostApplicationBuilder AddGridActorsSilo(this IHostApplicationBuilder builder)
    {
        var endpoints = GridActorsConfiguration.ReadEndpoints(builder.Configuration);
        var storage = GridActorsConfiguration.ReadStorage(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            if (storage.Kind == StorageOptions.Postgres)
            {
                // Every host with the same database and cluster id joins one cluster; the ports tell apart
                // several silos on one machine.
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId))
                    .ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true)
                    .UsePostgresClustering(storage.PostgresConnectionString!);
                // A host killed without leaving stays "active" in the membership table, and a host joining on
                // another address waits for it until its I-am-alive is this stale: 90 s with Orleans' defaults,
                // 20 s with these. Restarts in containers come back on new addresses.
                silo.Configure<ClusterMembershipOptions>(o =>
                    (o.IAmAliveTablePublishTimeout, o.NumMissedTableIAmAliveLimit) = (TimeSpan.FromSeconds(10), 2));
            }
            else
            {
                silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
            }
            // Orleans caches the address of up to a million grains per silo by default, so every case ever touched
            // stays in the cache: about 230 bytes a case, growing through a 400,000-case day (docs/RELIABILITY.md,
            // the soak). The working set is the open cases, grids, workers and ledgers; a miss is one lookup.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
            silo.AddGridActors();
            if (GridActorsConfiguration.ReadOrleansDashboard(builder.Configuration, builder.Environment))
            {
                // Every silo reports to the Orleans Dashboard, which the Api serves at /orleans; its grain-call
                // profiling stays off until someone looks at it.
                silo.AddDashboard();
            }
        });
        builder.Services.AddSingleton<CountySimulation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountySimulation>());
        return builder;
    }
}
