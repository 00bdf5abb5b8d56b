using GridActors.Grains.Deadlines;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace GridActors.Silo.Postgres;

public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET providers' name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

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
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationStep>();

        // Binary and versioned: every state type is [GenerateSerializer], and its payload stays a fraction of
        // the JSON default's size.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddAdoNetGrainStorage(StorageNames.County, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        // Who subscribes to the live streams outlives any one silo, so a dashboard's Api node keeps receiving.
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        var batching = new WriteBatcherOptions();
        services.AddSingleton(sp => new GroupCommitGrainStorage(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            batching));
        // Events and workers are written on every step of every case; at peak they need group commit.
        services.AddGrainStorage(StorageNames.Events, (sp, _) => sp.GetRequiredService<GroupCommitGrainStorage>());
        services.AddGrainStorage(StorageNames.Workers, (sp, _) => sp.GetRequiredService<GroupCommitGrainStorage>());

        services.AddSingleton(sp => new PostgresEventReadModel(
            sp.GetRequiredService<NpgsqlDataSource>(), AsynchronousCommits(connectionString), batching));
        services.AddSingleton<IEventReadModel>(sp => sp.GetRequiredService<PostgresEventReadModel>());
        services.AddSingleton(sp => new PostgresDeadlineStore(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<IDeadlineStore>(sp => sp.GetRequiredService<PostgresDeadlineStore>());
        services.AddSingleton(sp => new PostgresLedgers(sp.GetRequiredService<NpgsqlDataSource>(), batching));
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgresLedgers>());
        services.AddSingleton<IPointsReadModel>(sp => sp.GetRequiredService<PostgresLedgers>());

        services.AddSingleton<ReadModelHealer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReadModelHealer>());
        services.AddSingleton<DeadlineRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeadlineRecovery>());
        return silo;
    }

    /// <summary>
    /// A data source whose statements are auto-prepared (unless the connection string says otherwise): every
    /// batch runs one of a handful of statements, and preparing them saves a parse and plan per batch.
    /// </summary>
    private static NpgsqlDataSource DataSource(string connectionString, string? sessionOptions = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 32;
        }
        if (sessionOptions is not null)
        {
            settings.Options = $"{settings.Options} {sessionOptions}".Trim();
        }
        return builder.Build();
    }

    /// <summary>
    /// Sessions that commit without waiting for the WAL flush: for writes that can be rebuilt after a crash, and
    /// so need not each wait about 1.5 ms for the disk.
    /// </summary>
    private static NpgsqlDataSource AsynchronousCommits(string connectionString) =>
        DataSource(connectionString, "-c synchronous_commit=off");

    /// <summary>Membership in the same database: every host given the same connection string and cluster id joins one cluster.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
}
