namespace GridActors.Silo.Postgres;

/// <summary>
/// Migrates the database first thing in the silo's start-up: the ADO.NET providers read their statements from
/// <c>OrleansQuery</c> when they initialise, so the schema must be current before any of them starts.
/// </summary>
public sealed class SchemaMigrationStep(SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationStep), ServiceLifecycleStage.First, Migrate);

    private async Task Migrate(CancellationToken cancellationToken) => await migrator.MigrateAsync(cancellationToken);
}
