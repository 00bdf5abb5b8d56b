using GridActors.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>One silo on a database of its own, shared by the round-trip tests; every test uses fresh keys.</summary>
public sealed class PostgresSiloFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public TestDatabase Database { get; private set; } = null!;

    public InProcessTestCluster Cluster => _cluster!;

    public IGrainFactory Grains => Cluster.Client;

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public IEventReadModel ReadModel => SiloServices.GetRequiredService<IEventReadModel>();

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _cluster = PostgresCluster.Create(Database);
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresSiloCollection : ICollectionFixture<PostgresSiloFixture>
{
    public const string Name = "postgres-silo";
}
