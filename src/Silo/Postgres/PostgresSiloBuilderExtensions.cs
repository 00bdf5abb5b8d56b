using GridActors.Grains.Audit;
using GridActors.Grains.Deadlines;
using GridActors.Grains.Events.Store;
using GridActors.Silo.Hosting;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace GridActors.Silo.Postgres;

public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET providers' name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Connections of the data source that everything GridActors itself writes and reads goes through: the
    /// batchers' flush loops (cases 2 + 2 + 1, workers 2 + 2, deadlines 1, ledgers 1, projections 1) and the
    /// Api's queries. A caller beyond it waits for a connection rather than open one the server refuses.
    /// </summary>
    public const int DataSourceConnections = 16;

    /// <summary>Connections of the Orleans ADO.NET providers (membership, reminders, county grains, pub-sub).</summary>
    public const int ProviderConnections = 8;

    /// <summary>
    /// <c>Storage=postgres</c>: reminders and the county's grains through the Orleans ADO.NET providers, events
    /// through group commit, the read model, deadlines and ledgers through batched Npgsql writes — all in one
    /// database, migrated at start-up. Clustering is the host's choice (<see cref="UsePostgresClustering"/>),
    /// because test clusters bring their own.
    /// </summary>
    public static ISiloBuilder AddGridActorsPostgres(this ISiloBuilder silo, string connectionString)
    {
        var services = silo.Services;
        services.AddSingleton(_ => DataSource(connectionString));
        var providers = ProviderConnectionString(connectionString);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationStep>();

        // Binary and versioned: every state type is [GenerateSerializer], and its payload stays a fraction of
        // the JSON default's size.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddAdoNetGrainStorage(StorageNames.County, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = providers;
        });
        // Who subscribes to the live streams outlives any one silo, so a dashboard's Api node keeps receiving.
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = providers;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = providers;
        });

        var batching = new WriteBatcherOptions();
        services.AddSingleton(sp => new GroupCommitGrainStorage(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            batching));
        // Workers are written with every assignment and release; at peak as often as cases, so by group commit.
        // (Events is the storage drill's name for the same provider.)
        services.AddGrainStorage(StorageNames.Workers, (sp, _) => sp.GetRequiredService<GroupCommitGrainStorage>());
        services.AddGrainStorage(StorageNames.Events, (sp, _) => sp.GetRequiredService<GroupCommitGrainStorage>());
        services.AddSingleton(sp => new PostgresCaseStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IGrainStorageSerializer>(), batching));
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<PostgresCaseStore>());

        services.AddSingleton(sp => new PostgresEventReadModel(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<IEventReadModel>(sp => sp.GetRequiredService<PostgresEventReadModel>());
        services.AddSingleton(sp => new PostgresDeadlineStore(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<IDeadlineStore>(sp => sp.GetRequiredService<PostgresDeadlineStore>());
        services.AddSingleton(sp => new PostgresAuditTrail(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<PostgresAuditTrail>());
        services.AddSingleton(sp => new PostgresLedgers(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgresLedgers>());
        services.AddSingleton<IPointsReadModel>(sp => sp.GetRequiredService<PostgresLedgers>());

        // A database outage crosses silos as StorageUnavailableException, which the Api answers with 503.
        services.AddSingleton<IGeneralizedCodec, NpgsqlExceptionCodec>();

        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxSweeper>());
        services.AddSingleton<DeadlineRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeadlineRecovery>());
        return silo;
    }

    /// <summary>
    /// The one data source of what the project writes. Its statements are auto-prepared (unless the connection
    /// string says otherwise): every batch runs one of a handful of statements, and preparing them saves a parse
    /// and plan per batch. Its pool is <see cref="DataSourceConnections"/> unless the connection string sets one.
    /// A connection goes back to the pool without a reset: nothing the project runs leaves session state behind
    /// (its settings are SET LOCAL, its locks transaction-scoped or released by the migrator itself), and the
    /// reset was five statements in front of every batch. Keep it so: a session-level SET, temporary table,
    /// LISTEN or session advisory lock on this data source would now pass to whoever takes the connection next.
    /// </summary>
    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 32;
        }
        if (!HasPoolSize(connectionString))
        {
            settings.MaxPoolSize = DataSourceConnections;
        }
        settings.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>
    /// The providers' connection string: the same database with a pool of <see cref="ProviderConnections"/>, so
    /// that a host holds at most 16 + 8 connections and three hosts fit a default server (100) with room left.
    /// </summary>
    public static string ProviderConnectionString(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasPoolSize(connectionString))
        {
            settings.MaxPoolSize = ProviderConnections;
        }
        return settings.ConnectionString;
    }

    private static bool HasPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Maximum Pool Size") || given.ContainsKey("Max Pool Size") || given.ContainsKey("MaxPoolSize");
    }

    /// <summary>Membership in the same database: every host given the same connection string and cluster id joins one cluster.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = ProviderConnectionString(connectionString);
        });
}
