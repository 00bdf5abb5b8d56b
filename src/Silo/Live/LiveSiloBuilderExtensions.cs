using GridActors.Grains.Interfaces.Live;
using GridActors.Grains.Live;
using Microsoft.Extensions.DependencyInjection;

namespace GridActors.Silo.Live;

public static class LiveSiloBuilderExtensions
{
    /// <summary>
    /// The live streams: Orleans memory streams, whose queues live in the silos, and the silo's feed that
    /// batches grains' changes onto them. Live state is a view that each Api node can rebuild from the read
    /// model, so it needs no durable queue; who subscribes is kept in the <c>PubSubStore</c> the storage
    /// configuration provides.
    /// </summary>
    public static ISiloBuilder AddLiveStreams(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(LiveStreams.Provider, streams => streams.ConfigureCacheEviction(eviction => eviction.Configure(options =>
        {
            // The queue cache keeps delivered batches for rewinding, by default for five to thirty minutes: in a
            // burst that is every case of the burst, in every silo. Live batches are never rewound; the seconds
            // kept here only cover a consumer that is a little behind.
            options.DataMinTimeInCache = TimeSpan.FromSeconds(10);
            options.DataMaxAgeInCache = TimeSpan.FromMinutes(1);
            options.MetadataMinTimeInCache = TimeSpan.FromMinutes(1);
        })));
        silo.Services.AddSingleton<StreamedLiveFeed>();
        silo.Services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<StreamedLiveFeed>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<StreamedLiveFeed>());
        return silo;
    }
}
