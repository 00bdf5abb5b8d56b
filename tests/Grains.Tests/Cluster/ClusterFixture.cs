using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GridActors.Grains.Tests.Cluster;

/// <summary>One in-process silo with the production silo configuration, shared by every grain test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; } = CreateCluster();

    public static readonly TimeSpan GrabWindow = TimeSpan.FromSeconds(2);

    /// <summary>The source of the county's clock, shared by every test of the collection, which run one at a time.</summary>
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains => Cluster.Client;

    public IEventReadModel ReadModel => Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventReadModel>();

    /// <summary>The silo's ledger store, for tests that write behind a ledger grain's back.</summary>
    /// <summary>How many cases routing gives one worker before it sends more to grabbing.</summary>
    public int WorkerCapacity => Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<DispatchOptions>>().Value.WorkerCapacity;

    public ILedgerStore LedgerStore => Cluster.Silos[0].ServiceProvider.GetRequiredService<ILedgerStore>();

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private static InProcessTestCluster CreateCluster()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            // Short enough that a test can watch a window pass, long enough for a grab race to finish in it.
            silo.Services.Configure<DispatchOptions>(options => options.GrabWindow = GrabWindow);
            // The county's clock stands still until a test moves it; Orleans' own timing stays real.
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
            silo.AddOutgoingGrainCallFilter<CallsBySource>();
        });
        return builder.Build();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
