using Microsoft.Extensions.Logging;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Brings a database up to the embedded schema: applies, in order and each in its own transaction, the
/// steps it has not applied yet, and records them in <c>gridactors_migrations</c>. Safe to run on every
/// start and from several hosts at once: an advisory lock lets one host migrate while the others wait and
/// then find nothing left to do.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource database, ILogger<SchemaMigrator> logger)
{
    /// <summary>Any constant works, as long as nothing else in the database locks it; this one spells "GRID".</summary>
    private const long MigrationLock = 0x47524944;

    /// <returns>The versions this call applied; empty when the database was already current.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, "SELECT pg_advisory_lock(@lock)", cancellationToken, ("lock", MigrationLock));
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS gridactors_migrations
                (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await ReadApplied(connection, cancellationToken);
            var appliedNow = new List<int>();
            foreach (var step in SchemaMigration.Embedded())
            {
                if (applied.TryGetValue(step.Version, out var checksum))
                {
                    if (checksum != step.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {step.Version:D4}_{step.Name} was changed after this database applied it. " +
                            "Add a new migration instead of editing an applied one.");
                    }
                    continue;
                }
                await Apply(connection, step, cancellationToken);
                appliedNow.Add(step.Version);
                LogApplied(step.Version, step.Name);
            }
            return appliedNow;
        }
        finally
        {
            await Execute(connection, null, "SELECT pg_advisory_unlock(@lock)", CancellationToken.None, ("lock", MigrationLock));
        }
    }

    private static async Task Apply(NpgsqlConnection connection, SchemaMigration step, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, step.Sql, cancellationToken);
        await Execute(connection, transaction,
            "INSERT INTO gridactors_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
            cancellationToken, ("version", step.Version), ("name", step.Name), ("checksum", step.Checksum));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> ReadApplied(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM gridactors_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task Execute(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        // No timeout: a migration that rewrites a large table takes as long as it takes, and one cut short at
        // Npgsql's default 30 s would fail the same way at every start.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version:D4}_{Name}")]
    private partial void LogApplied(int version, string name);
}
