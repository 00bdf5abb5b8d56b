using GridActors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// In-process silos with the production silo configuration and <c>Storage=postgres</c>: grain state,
/// reminders, the read model, deadlines and ledgers all in the test's database. Membership stays the test
/// cluster's own, in memory, as the silos of one process share it anyway.
/// </summary>
public static class PostgresCluster
{
    /// <summary>
    /// A cluster on <paramref name="database"/>. Clusters built on the same database share its service id,
    /// so a second cluster finds the state the first one left — as a redeployed service would.
    /// </summary>
    public static InProcessTestCluster Create(TestDatabase database, short silos = 1) => Builder(database, silos).Build();

    /// <inheritdoc cref="Create"/>
    public static InProcessTestClusterBuilder Builder(TestDatabase database, short silos, Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = database.Name;
        // Before ConfigureSilo: AddGridActors reads the storage choice from the host's configuration.
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
        }));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            configure?.Invoke(silo);
        });
        return builder;
    }
}
