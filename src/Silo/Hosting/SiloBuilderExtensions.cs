using GridActors.Grains.Audit;
using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using GridActors.Grains.Deadlines;
using GridActors.Grains.Devices;
using GridActors.Grains.Drills;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Steps;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Nearby;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Sla;
using GridActors.Grains.Topology;
using GridActors.Silo.Configuration;
using GridActors.Silo.Live;
using GridActors.Silo.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;

namespace GridActors.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Everything a GridActors silo needs apart from clustering: the county, storage and the warm-up.
    /// Shared by the Api's co-hosted silo, the headless silo and the test clusters.
    /// </summary>
    public static ISiloBuilder AddGridActors(this ISiloBuilder silo)
    {
        var storage = GridActorsConfiguration.ReadStorage(silo.Configuration);
        if (storage.Kind == StorageOptions.Memory)
        {
            silo.AddMemoryGrainStorage(StorageNames.County);
            silo.AddMemoryGrainStorage(StorageNames.Workers);
            silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
            silo.Services.AddSingleton<IEventReadModel, InMemoryEventReadModel>();
            silo.Services.AddSingleton<ICaseStore, InMemoryCaseStore>();
            silo.Services.AddSingleton<IAuditTrail, InMemoryAuditTrail>();
            silo.Services.AddSingleton<IDeadlineStore, InMemoryDeadlineStore>();
            silo.Services.AddSingleton<InMemoryPointsReadModel>();
            silo.Services.AddSingleton<IPointsReadModel>(sp => sp.GetRequiredService<InMemoryPointsReadModel>());
            silo.Services.AddSingleton<ILedgerStore, InMemoryLedgerStore>();
            silo.UseInMemoryReminderService();
        }
        else
        {
            silo.AddGridActorsPostgres(storage.PostgresConnectionString!);
        }

        // Open cases leave memory after Orleans:CaseIdleTime, finished ones at once (EventGrain). The collector
        // looks every quantum, so a case goes between one and one and a half idle times after its last call.
        var caseIdleTime = GridActorsConfiguration.ReadCaseIdleTime(silo.Configuration);
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.ClassSpecificCollectionAge[typeof(EventGrain).FullName!] = caseIdleTime;
            o.CollectionQuantum = caseIdleTime / 2 < o.CollectionQuantum ? caseIdleTime / 2 : o.CollectionQuantum;
        });
        silo.AddLiveStreams();
        silo.Services.AddGridActorsOptions(silo.Configuration);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(sp => new GridClock(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ClockOptions>>().Value.Speed));
        silo.Services.AddSingleton(_ => CountyTopology.LoadEmbedded());
        silo.Services.AddSingleton(sp => DeviceCatalogue.For(sp.GetRequiredService<CountyTopology>()));
        silo.Services.AddSingleton(sp => AlarmRules.LoadEmbedded(sp.GetRequiredService<CountyTopology>()));
        silo.Services.AddSingleton(_ => SlaPolicy.LoadEmbedded());
        silo.Services.AddSingleton(_ => PointsPolicy.LoadEmbedded());
        silo.Services.AddSingleton<CaseRules>();
        silo.Services.AddSingleton<NearbyCases>();
        silo.Services.AddSingleton<DrillCleanup>();
        silo.Services.AddSingleton<ClockKeeper>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClockKeeper>());
        silo.Services.AddSingleton<CountyReadiness>();
        silo.Services.AddSingleton<CountyWarmup>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CountyWarmup>());
        return silo;
    }
}
