using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// One silo whose county and worker storage fail a write on demand (<see cref="FailingGrainStorage"/>), over
/// Orleans' memory storage, which checks ETags as a database does.
/// </summary>
public sealed class FailingStorageFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; } = CreateCluster();

    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private static InProcessTestCluster CreateCluster()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            foreach (var name in new[] { StorageNames.County, StorageNames.Workers })
            {
                var stored = name + "-stored";
                silo.AddMemoryGrainStorage(stored);
                silo.Services.AddGrainStorage(name, (sp, _) =>
                    new FailingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(stored)));
            }
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
        });
        return builder.Build();
    }
}

[CollectionDefinition(Name)]
public sealed class FailingStorageCollection : ICollectionFixture<FailingStorageFixture>
{
    public const string Name = "failing storage";
}
