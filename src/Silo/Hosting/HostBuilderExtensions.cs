using GridActors.Silo.Configuration;
using GridActors.Silo.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridActors.Silo.Hosting;

public static class HostBuilderExtensions
{
    /// <summary>Runs a GridActors silo in this host, clustered on localhost with the embedded storage by default.</summary>
    public static IHostApplicationBuilder AddGridActorsSilo(this IHostApplicationBuilder builder)
    {
        var endpoints = GridActorsConfiguration.ReadEndpoints(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId)
            .AddGridActors());
        builder.Services.AddSingleton<CountySimulation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountySimulation>());
        return builder;
    }
}
