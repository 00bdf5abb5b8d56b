using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Cases in PostgreSQL, one transaction per group of steps. The steps of every case of the silo queue up and
/// each batch commits in one statement: state rows where their version still matches, and for exactly those,
/// their read-model rows, deadline entries, outboxes and audit entries. One commit — one WAL flush — pays for hundreds of steps,
/// and no step is ever half stored. Loads are batched the same way, with the outboxes not yet delivered.
/// </summary>
public sealed class PostgresCaseStore : ICaseStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly WriteBatcher<CaseCommit, bool> _commits;
    private readonly WriteBatcher<string, StoredCase?> _loads;
    private readonly WriteBatcher<(string CaseId, long Version), bool> _deliveries;
    private readonly WriteBatcher<string, bool> _erasures;

    public PostgresCaseStore(NpgsqlDataSource database, IGrainStorageSerializer serializer, WriteBatcherOptions batching)
    {
        _database = database;
        _serializer = serializer;
        _commits = new WriteBatcher<CaseCommit, bool>(FlushCommits, batching);
        _loads = new WriteBatcher<string, StoredCase?>(FlushLoads, batching);
        _deliveries = new WriteBatcher<(string, long), bool>(FlushDeliveries, batching with { FlushLoops = 1 });
        _erasures = new WriteBatcher<string, bool>(FlushErasures, batching with { FlushLoops = 1 });
    }

    public Task<StoredCase?> Load(string caseId) => _loads.Enqueue(caseId);

    public Task<bool> Commit(CaseCommit commit) => _commits.Enqueue(commit);

    public Task Delivered(string caseId, long version) => _deliveries.Enqueue((caseId, version));

    public Task Erase(string caseId) => _erasures.Enqueue(caseId);

    /// <summary>
    /// One statement: the settled cases are chosen and erased on one snapshot, so a case is erased whole or not at
    /// all. The deadline entries are found by their primary key through each case's grid (a finished case should
    /// have none; one left over goes too).
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseSettled(IReadOnlyList<string> caseIds)
    {
        await using var command = _database.CreateCommand("""
            WITH settled AS (
                SELECT e.id, e.grid_id FROM events e
                WHERE e.id = ANY(@ids) AND NOT e.is_open AND NOT EXISTS (SELECT 1 FROM case_outbox o WHERE o.case_id = e.id)),
            cases_gone AS (DELETE FROM cases c USING settled s WHERE c.id = s.id),
            deadlines_gone AS (
                DELETE FROM deadline_entries d USING settled s
                WHERE d.shard = s.grid_id AND d.target_kind = 'event' AND d.target_id = s.id),
            alarms_gone AS (DELETE FROM alarm_receipts r USING settled s WHERE r.drill AND r.event_id = s.id),
            events_gone AS (DELETE FROM events e USING settled s WHERE e.id = s.id)
            SELECT id FROM settled
            """);
        command.Parameters.AddWithValue("ids", caseIds.ToArray());
        var erased = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            erased.Add(reader.GetString(0));
        }
        return erased;
    }

    public async Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand("""
            SELECT case_id FROM case_outbox WHERE written_at < now() - @age
            GROUP BY case_id ORDER BY min(written_at) LIMIT @limit
            """);
        command.Parameters.AddWithValue("age", age);
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>
    /// A case commits one step at a time, so its id appears once per batch; should it appear twice (two
    /// activations on one silo during a handover), the second goes in a later round of the same transaction.
    /// </summary>
    private async Task<IReadOnlyList<bool>> FlushCommits(IReadOnlyList<CaseCommit> batch, CancellationToken cancellationToken)
    {
        var results = new bool[batch.Count];
        var rounds = new List<List<int>>();
        var remaining = Enumerable.Range(0, batch.Count).ToList();
        while (remaining.Count > 0)
        {
            var seen = new HashSet<string>();
            var round = remaining.Where(i => seen.Add(batch[i].CaseId)).ToList();
            remaining = [.. remaining.Except(round)];
            rounds.Add(round);
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = rounds.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var round in rounds)
        {
            await CommitRound(connection, [.. round.Select(i => batch[i])], round, results, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return results;
    }

    /// <remarks>
    /// One statement: its data-modifying parts run on one snapshot and commit together. <c>ok</c> holds the cases
    /// whose version matched; everything else joins it, so a step that lost its race leaves no row anywhere.
    /// </remarks>
    private async Task CommitRound(
        NpgsqlConnection connection, IReadOnlyList<CaseCommit> commits, List<int> positions, bool[] results, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH input AS (
                SELECT * FROM unnest(@expected, @payload, @deadline, @shard, @due, @sequence, @effects, {EventRowSql.Arrays}, {AuditRowSql.Arrays})
                    AS i(expected, payload, deadline, shard, due_at, sequence, effects, {EventRowSql.Columns}, {AuditRowSql.InputColumns})),
            changed AS (
                UPDATE cases c SET version = i.version, payload = i.payload, modified_at = now()
                FROM input i WHERE c.id = i.id AND i.expected > 0 AND c.version = i.expected
                RETURNING c.id),
            created AS (
                INSERT INTO cases (id, version, payload)
                SELECT id, version, payload FROM input WHERE expected = 0
                ON CONFLICT DO NOTHING
                RETURNING id),
            ok AS (SELECT id FROM changed UNION ALL SELECT id FROM created),
            accepted AS (SELECT i.* FROM input i JOIN ok USING (id)),
            projected AS (
                INSERT INTO events ({EventRowSql.Columns})
                SELECT {EventRowSql.Columns} FROM accepted
                {EventRowSql.Upsert}),
            armed AS (
                INSERT INTO deadline_entries (shard, target_kind, target_id, due_at, sequence)
                SELECT shard, 'event', id, due_at, sequence FROM accepted WHERE deadline = 'arm'
                ON CONFLICT (shard, target_kind, target_id) DO UPDATE SET due_at = excluded.due_at, sequence = excluded.sequence),
            disarmed AS (
                DELETE FROM deadline_entries d USING accepted a
                WHERE a.deadline = 'disarm' AND d.shard = a.shard AND d.target_kind = 'event' AND d.target_id = a.id),
            queued AS (
                INSERT INTO case_outbox (case_id, version, effects)
                SELECT id, version, effects FROM accepted WHERE effects IS NOT NULL),
            audited AS (
                INSERT INTO audit_log ({AuditRowSql.Columns})
                SELECT {AuditRowSql.InputColumns} FROM accepted WHERE audit_action IS NOT NULL),
            counted AS (
                INSERT INTO alarm_receipts (device_id, alarm_id, at, event_id, opened, fingerprint, drill)
                SELECT r.device_id, r.alarm_id, r.at, r.event_id, r.opened, r.fingerprint, r.drill
                FROM unnest(@alarm_device, @alarm_id, @alarm_at, @alarm_event, @alarm_opened, @alarm_fingerprint, @alarm_drill)
                    AS r(device_id, alarm_id, at, event_id, opened, fingerprint, drill)
                JOIN ok ON ok.id = r.event_id
                ON CONFLICT DO NOTHING)
            SELECT id FROM ok
            """, connection);
        var p = command.Parameters;
        p.AddWithValue("expected", commits.Select(c => c.ExpectedVersion).ToArray());
        p.Add(new NpgsqlParameter("payload", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            Value = commits.Select(c => _serializer.Serialize(c.State).ToArray()).ToArray(),
        });
        p.Add(EventRowSql.TextArray("deadline", commits.Select(c => c.Deadline switch
        {
            null => null,
            { Armed: null } => "disarm",
            _ => "arm",
        })));
        p.Add(EventRowSql.TextArray("shard", commits.Select(c => c.Deadline?.Shard)));
        p.Add(EventRowSql.TimeArray("due", commits.Select(c => c.Deadline?.Armed?.DueAt)));
        p.Add(new NpgsqlParameter("sequence", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = commits.Select(c => c.Deadline?.Armed?.Sequence).ToArray(),
        });
        p.Add(new NpgsqlParameter("effects", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            Value = commits.Select(c => c.Outbox is { } outbox ? _serializer.Serialize(outbox).ToArray() : null).ToArray(),
        });
        EventRowSql.AddRows(p, [.. commits.Select(c => c.Row)]);
        AuditRowSql.AddRows(p, [.. commits.Select(c => c.Audit)]);
        AddAlarmReceipts(p, [.. commits.SelectMany(c => c.Alarms ?? [])]);

        var index = Enumerable.Range(0, commits.Count).ToDictionary(i => commits[i].CaseId, i => positions[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results[index[reader.GetString(0)]] = true;
        }
    }

    private static void AddAlarmReceipts(NpgsqlParameterCollection p, IReadOnlyList<AlarmReceipt> receipts)
    {
        p.AddWithValue("alarm_device", receipts.Select(r => r.DeviceId).ToArray());
        p.AddWithValue("alarm_id", receipts.Select(r => r.AlarmId).ToArray());
        p.AddWithValue("alarm_at", receipts.Select(r => r.At).ToArray());
        p.AddWithValue("alarm_event", receipts.Select(r => r.EventId).ToArray());
        p.AddWithValue("alarm_opened", receipts.Select(r => r.Opened).ToArray());
        p.AddWithValue("alarm_fingerprint", receipts.Select(r => r.Fingerprint).ToArray());
        p.AddWithValue("alarm_drill", receipts.Select(r => r.Drill).ToArray());
    }

    public async Task<IReadOnlyList<AlarmReceipt>> NewestAlarms(string deviceId, int limit)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {ReceiptColumns} FROM alarm_receipts WHERE device_id = @device ORDER BY at DESC LIMIT @limit");
        command.Parameters.AddWithValue("device", deviceId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadReceipts(command);
    }

    public async Task<AlarmReceipt?> FindAlarm(string deviceId, string alarmId)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {ReceiptColumns} FROM alarm_receipts WHERE device_id = @device AND alarm_id = @alarm");
        command.Parameters.AddWithValue("device", deviceId);
        command.Parameters.AddWithValue("alarm", alarmId);
        return (await ReadReceipts(command)).SingleOrDefault();
    }

    private const string ReceiptColumns = "device_id, alarm_id, at, event_id, opened, fingerprint, drill";

    private static async Task<IReadOnlyList<AlarmReceipt>> ReadReceipts(NpgsqlCommand command)
    {
        var receipts = new List<AlarmReceipt>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            receipts.Add(new AlarmReceipt(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3), reader.GetBoolean(4), reader.GetInt64(5), reader.GetBoolean(6)));
        }
        return receipts;
    }

    private async Task<IReadOnlyList<StoredCase?>> FlushLoads(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT c.id, c.payload, o.effects
            FROM cases c LEFT JOIN case_outbox o ON o.case_id = c.id
            WHERE c.id = ANY(@ids)
            ORDER BY c.id, o.version
            """);
        command.Parameters.AddWithValue("ids", batch.Distinct().ToArray());
        var found = new Dictionary<string, (EventState State, List<CaseOutbox> Outboxes)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!found.TryGetValue(id, out var known))
                {
                    known = (_serializer.Deserialize<EventState>(new BinaryData(reader.GetFieldValue<byte[]>(1)))!, []);
                    found[id] = known;
                }
                if (!reader.IsDBNull(2))
                {
                    known.Outboxes.Add(_serializer.Deserialize<CaseOutbox>(new BinaryData(reader.GetFieldValue<byte[]>(2)))!);
                }
            }
        }
        return [.. batch.Select(id => found.TryGetValue(id, out var c) ? new StoredCase(c.State, c.Outboxes) : null)];
    }

    /// <summary>
    /// Removes delivered outboxes without waiting for the WAL flush: one that comes back after a crash of the
    /// database is only delivered again, which changes nothing.
    /// </summary>
    /// <remarks>
    /// The outbox is written and emptied all day, so its statistics say "empty" while its pages hold thousands of
    /// dead rows: left to itself the planner scans them all for every batch (measured: 5.9 ms a batch, the
    /// heaviest statement of the loop). The delete goes by the primary key instead.
    /// </remarks>
    private async Task<IReadOnlyList<bool>> FlushDeliveries(IReadOnlyList<(string CaseId, long Version)> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off; SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await relaxed.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var delete = new NpgsqlCommand("""
            DELETE FROM case_outbox o USING unnest(@ids, @versions) AS d(case_id, version)
            WHERE o.case_id = d.case_id AND o.version <= d.version
            """, connection, transaction))
        {
            delete.Parameters.AddWithValue("ids", batch.Select(d => d.CaseId).ToArray());
            delete.Parameters.AddWithValue("versions", batch.Select(d => d.Version).ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    /// <summary>The grains' erasures of one batch, in one statement; the deadline entry through the case's grid, as above.</summary>
    private async Task<IReadOnlyList<bool>> FlushErasures(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            WITH cases_gone AS (DELETE FROM cases WHERE id = ANY(@ids)),
            outboxes_gone AS (DELETE FROM case_outbox WHERE case_id = ANY(@ids)),
            alarms_gone AS (DELETE FROM alarm_receipts WHERE drill AND event_id = ANY(@ids)),
            deadlines_gone AS (
                DELETE FROM deadline_entries d USING events e
                WHERE e.id = ANY(@ids) AND d.shard = e.grid_id AND d.target_kind = 'event' AND d.target_id = e.id)
            DELETE FROM events WHERE id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", batch.Distinct().ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        await _loads.DisposeAsync();
        await _deliveries.DisposeAsync();
        await _erasures.DisposeAsync();
    }
}
