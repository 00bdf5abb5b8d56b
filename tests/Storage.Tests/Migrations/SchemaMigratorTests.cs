using GridActors.Silo.Postgres;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GridActors.Storage.Tests.Migrations;

/// <summary>Each test migrates a database of its own, created empty.</summary>
public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private static readonly string[] Tables =
    [
        "gridactors_migrations", "orleansquery", "orleans_membership_version", "orleans_membership", "orleans_reminders",
        "orleans_grain_state", "batched_grain_state", "events", "deadline_entries", "ledger_entries", "cases", "case_outbox",
    ];

    private static readonly IReadOnlyList<int> AllSteps = [.. SchemaMigration.Embedded().Select(step => step.Version)];

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private SchemaMigrator Migrator() => new(_database.DataSource, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryStepAndCreatesWhatTheProvidersRead()
    {
        var applied = await Migrator().MigrateAsync(TestContext.Current.CancellationToken);

        var tables = await _database.StringsAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'");
        var keys = await _database.StringsAsync("SELECT querykey::text FROM orleansquery");
        var recorded = await _database.ScalarAsync<long>("SELECT count(*) FROM gridactors_migrations");
        Assert.Equal(Enumerable.Range(1, AllSteps.Count), AllSteps);
        Assert.Equal(AllSteps, applied);
        Assert.Subset(tables.ToHashSet(), Tables.ToHashSet());
        Assert.Empty(ProviderQueryKeys.All().Except(keys));
        Assert.Equal(AllSteps.Count, recorded);
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        var firstAppliedAt = await _database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM gridactors_migrations");

        var again = await Migrator().MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(again);
        Assert.Equal(AllSteps.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM gridactors_migrations"));
        Assert.Equal(firstAppliedAt, await _database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM gridactors_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_TwoHostsAtOnceOnAnEmptyDatabase_BothSucceedAndEachStepIsAppliedOnce()
    {
        // Two data sources, as two silos starting together would have.
        await using var first = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(_database.ConnectionString);

        var results = await Task.WhenAll(
            Task.Run(() => new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => new SchemaMigrator(second, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(AllSteps, results.SelectMany(applied => applied).Order());
        Assert.Equal(AllSteps.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM gridactors_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_AnAppliedStepWasEdited_IsRefusedNamingTheStep()
    {
        await Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        await _database.ExecuteAsync("UPDATE gridactors_migrations SET checksum = 'edited' WHERE version = 3");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator().MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("0003_reminders", refused.Message);
        Assert.Contains("changed after this database applied it", refused.Message);
    }
}
