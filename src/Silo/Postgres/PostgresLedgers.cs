using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Ledgers in PostgreSQL: appends from every ledger of the silo are grouped into one multi-row insert, each
/// completing once committed. The same table serves rankings, which is why this class is also the points
/// read model: an entry is queryable the moment its append commits.
/// </summary>
public sealed class PostgresLedgers : ILedgerStore, IPointsReadModel, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly WriteBatcher<(string Participant, LedgerEntry Entry), bool> _appends;

    public PostgresLedgers(NpgsqlDataSource database, WriteBatcherOptions batching)
    {
        _database = database;
        _appends = new WriteBatcher<(string, LedgerEntry), bool>(Flush, batching);
    }

    public async Task<IReadOnlyList<LedgerEntry>> Load(string participantId)
    {
        await using var command = _database.CreateCommand("""
            SELECT at, points, rule, ref, entry_key, note FROM ledger_entries
            WHERE participant_id = @participant ORDER BY seq
            """);
        command.Parameters.AddWithValue("participant", participantId);
        var entries = new List<LedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new LedgerEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return entries;
    }

    public Task Append(string participantId, LedgerEntry entry) => _appends.Enqueue((participantId, entry));

    /// <summary>
    /// Nothing to write: <see cref="Append"/> has already committed the entry to the table that
    /// <see cref="Totals"/> reads, and a ledger projects only entries it has appended.
    /// </summary>
    public ValueTask Project(string participantId, LedgerEntry entry) => ValueTask.CompletedTask;

    public async Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = _database.CreateCommand("""
            SELECT participant_id, sum(points)::int FROM ledger_entries
            WHERE at >= @from AND at < @to AND rule NOT LIKE 'redeem:%'
            GROUP BY participant_id
            """);
        command.Parameters.AddWithValue("from", from.UtcDateTime);
        command.Parameters.AddWithValue("to", to.UtcDateTime);
        var totals = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            totals[reader.GetString(0)] = reader.GetInt32(1);
        }
        return totals;
    }

    /// <summary>An entry key is unique within its ledger, so a repeated append is skipped, never doubled.</summary>
    private async Task<IReadOnlyList<bool>> Flush(IReadOnlyList<(string Participant, LedgerEntry Entry)> batch, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            INSERT INTO ledger_entries (participant_id, entry_key, at, points, rule, ref, note)
            SELECT * FROM unnest(@participant, @key, @at, @points, @rule, @ref, @note)
            ON CONFLICT (participant_id, entry_key) DO NOTHING
            """);
        command.Parameters.AddWithValue("participant", batch.Select(a => a.Participant).ToArray());
        command.Parameters.AddWithValue("key", batch.Select(a => a.Entry.Key).ToArray());
        command.Parameters.AddWithValue("at", batch.Select(a => a.Entry.At.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("points", batch.Select(a => a.Entry.Points).ToArray());
        command.Parameters.AddWithValue("rule", batch.Select(a => a.Entry.Rule).ToArray());
        command.Parameters.AddWithValue("ref", batch.Select(a => a.Entry.Ref).ToArray());
        command.Parameters.Add(new NpgsqlParameter("note", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = batch.Select(a => a.Entry.Note).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();
}
