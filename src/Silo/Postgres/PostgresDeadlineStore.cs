using GridActors.Grains.Deadlines;
using GridActors.Grains.Interfaces.Deadlines;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Deadline shard entries in PostgreSQL. A case arms its shard before it writes its own state, so an arm is on
/// the hot path of every report: arms and disarms from all shards of the silo are grouped and committed
/// together, and each completes only once committed.
/// </summary>
public sealed class PostgresDeadlineStore : IDeadlineStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly WriteBatcher<DeadlineChange, bool> _changes;

    public PostgresDeadlineStore(NpgsqlDataSource database, WriteBatcherOptions batching)
    {
        _database = database;
        // One flush at a time, so that batches commit in the order their changes were made: with two, an arm
        // and a later disarm of the same entry could commit the other way round.
        _changes = new WriteBatcher<DeadlineChange, bool>(Flush, batching with { FlushLoops = 1 });
    }

    public async Task<IReadOnlyList<ArmedDeadline>> Load(string shard)
    {
        await using var command = _database.CreateCommand(
            "SELECT target_kind, target_id, due_at, sequence FROM deadline_entries WHERE shard = @shard");
        command.Parameters.AddWithValue("shard", shard);
        var entries = new List<ArmedDeadline>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ArmedDeadline(
                new AlarmTarget(reader.GetString(0), reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetInt64(3)));
        }
        return entries;
    }

    public Task Upsert(string shard, ArmedDeadline deadline) =>
        _changes.Enqueue(new DeadlineChange(shard, deadline.Target, deadline));

    public Task Remove(string shard, AlarmTarget target) =>
        _changes.Enqueue(new DeadlineChange(shard, target, Armed: null));

    /// <summary>
    /// Only the last change to each entry counts, in the order the shard made them; upserts and removals of
    /// the batch then commit together.
    /// </summary>
    private async Task<IReadOnlyList<bool>> Flush(IReadOnlyList<DeadlineChange> batch, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string, AlarmTarget), DeadlineChange>();
        foreach (var change in batch)
        {
            last[(change.Shard, change.Target)] = change;
        }
        var upserts = last.Values.Where(c => c.Armed is not null).ToList();
        var removals = last.Values.Where(c => c.Armed is null).ToList();

        // One round trip: the statements of a batch run in one implicit transaction, committed together.
        await using var statements = _database.CreateBatch();
        if (upserts.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO deadline_entries (shard, target_kind, target_id, due_at, sequence)
                SELECT * FROM unnest(@shard, @kind, @id, @due, @sequence)
                ON CONFLICT (shard, target_kind, target_id) DO UPDATE
                SET due_at = excluded.due_at, sequence = excluded.sequence
                """);
            upsert.Parameters.AddWithValue("shard", upserts.Select(c => c.Shard).ToArray());
            upsert.Parameters.AddWithValue("kind", upserts.Select(c => c.Target.Kind).ToArray());
            upsert.Parameters.AddWithValue("id", upserts.Select(c => c.Target.Id).ToArray());
            upsert.Parameters.AddWithValue("due", upserts.Select(c => c.Armed!.DueAt.UtcDateTime).ToArray());
            upsert.Parameters.AddWithValue("sequence", upserts.Select(c => c.Armed!.Sequence).ToArray());
            statements.BatchCommands.Add(upsert);
        }
        if (removals.Count > 0)
        {
            var remove = new NpgsqlBatchCommand("""
                DELETE FROM deadline_entries d
                USING unnest(@shard, @kind, @id) AS r(shard, target_kind, target_id)
                WHERE d.shard = r.shard AND d.target_kind = r.target_kind AND d.target_id = r.target_id
                """);
            remove.Parameters.AddWithValue("shard", removals.Select(c => c.Shard).ToArray());
            remove.Parameters.AddWithValue("kind", removals.Select(c => c.Target.Kind).ToArray());
            remove.Parameters.AddWithValue("id", removals.Select(c => c.Target.Id).ToArray());
            statements.BatchCommands.Add(remove);
        }
        await statements.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    public ValueTask DisposeAsync() => _changes.DisposeAsync();

    /// <summary>An arm (<see cref="Armed"/> set) or a disarm (null) of one entry.</summary>
    private sealed record DeadlineChange(string Shard, AlarmTarget Target, ArmedDeadline? Armed);
}
