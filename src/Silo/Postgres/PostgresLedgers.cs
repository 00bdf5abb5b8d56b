using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Ledgers in PostgreSQL: appends from every ledger of the silo are grouped into one multi-row insert, each
/// completing once committed. The same table serves rankings, which is why this class is also the points
/// read model: an entry is queryable the moment its append commits, and a ledger never projects.
/// </summary>
public sealed class PostgresLedgers : ILedgerStore, IPointsReadModel, IAsyncDisposable
{
    /// <summary>
    /// The two-key advisory lock space of redemptions ("LEDG"), apart from the single-key space that the
    /// schema migrator locks in; a hash shared by two participants only makes them wait for each other.
    /// </summary>
    private const int RedemptionLockSpace = 0x4C454447;

    private readonly NpgsqlDataSource _database;
    private readonly WriteBatcher<(string Participant, LedgerEntry Entry), LedgerWrite> _appends;

    public PostgresLedgers(NpgsqlDataSource database, WriteBatcherOptions batching)
    {
        _database = database;
        _appends = new WriteBatcher<(string, LedgerEntry), LedgerWrite>(Flush, batching);
    }

    /// <summary>
    /// One round trip: the sums by rule and county day (the rule of <see cref="LedgerSummary.Of"/>, with the
    /// county day as <see cref="LedgerRules.CountyDay"/> reckons it), and the newest entries by the append order,
    /// both read in one snapshot so that an entry another silo appends meanwhile is in both or in neither.
    /// </summary>
    public async Task<LedgerSummary> LoadSummary(string participantId, int recent)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var sums = new NpgsqlBatchCommand("""
            SELECT rule, ((at AT TIME ZONE 'UTC') + @offset)::date, sum(points)::int, count(*)::int
            FROM ledger_entries WHERE participant_id = @participant GROUP BY 1, 2
            """);
        sums.Parameters.AddWithValue("participant", participantId);
        sums.Parameters.AddWithValue("offset", Period.CountyOffset);
        var newest = new NpgsqlBatchCommand("""
            SELECT at, points, rule, ref, entry_key, note FROM ledger_entries
            WHERE participant_id = @participant ORDER BY seq DESC LIMIT @recent
            """);
        newest.Parameters.AddWithValue("participant", participantId);
        newest.Parameters.AddWithValue("recent", recent);
        batch.BatchCommands.Add(sums);
        batch.BatchCommands.Add(newest);
        await using var reader = await batch.ExecuteReaderAsync();
        var earned = new Dictionary<(string, DateOnly), int>();
        int balance = 0, count = 0;
        while (await reader.ReadAsync())
        {
            var points = reader.GetInt32(2);
            earned[(reader.GetString(0), reader.GetFieldValue<DateOnly>(1))] = points;
            balance += points;
            count += reader.GetInt32(3);
        }
        await reader.NextResultAsync();
        var entries = await ReadEntries(reader);
        entries.Reverse();
        await reader.DisposeAsync();
        await transaction.CommitAsync();
        return new LedgerSummary(balance, earned, count, entries);
    }

    public async Task<IReadOnlyList<LedgerEntry>> Load(string participantId)
    {
        await using var command = _database.CreateCommand("""
            SELECT at, points, rule, ref, entry_key, note FROM ledger_entries
            WHERE participant_id = @participant ORDER BY seq
            """);
        command.Parameters.AddWithValue("participant", participantId);
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadEntries(reader);
    }

    /// <summary>Entries from rows of (at, points, rule, ref, entry_key, note).</summary>
    private static async Task<List<LedgerEntry>> ReadEntries(NpgsqlDataReader reader)
    {
        var entries = new List<LedgerEntry>();
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

    public Task<LedgerWrite> Append(string participantId, LedgerEntry entry) => _appends.Enqueue((participantId, entry));

    /// <summary>
    /// Checks and debits in one transaction that holds a lock on the participant until it commits, so the next
    /// redemption of that participant, from any silo, sums a balance that includes this one's debit.
    /// </summary>
    public async Task<StoredDebit> AppendIfCovered(string participantId, LedgerEntry debit)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Its own statement: a statement sees what was committed when it began, so the sum below must begin
        // after the lock is held, and so after the previous holder has committed.
        await using (var serialise = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, hashtext(@participant))", connection, transaction))
        {
            serialise.Parameters.AddWithValue("space", RedemptionLockSpace);
            serialise.Parameters.AddWithValue("participant", participantId);
            await serialise.ExecuteNonQueryAsync();
        }
        // The rule of LedgerRules.Covers, in SQL: the stored balance is at least the debit's cost. The outer
        // SELECT shares the CTEs' snapshot and does not see the row just inserted, hence the subtraction.
        await using var command = new NpgsqlCommand("""
            WITH stored AS (
                SELECT coalesce(sum(points), 0)::int AS balance,
                       EXISTS (SELECT 1 FROM ledger_entries WHERE participant_id = @participant AND entry_key = @key) AS duplicate
                FROM ledger_entries WHERE participant_id = @participant
            ),
            inserted AS (
                INSERT INTO ledger_entries (participant_id, entry_key, at, points, rule, ref, note)
                SELECT @participant, @key, @at, -@cost, @rule, @ref, @note FROM stored
                WHERE NOT stored.duplicate AND stored.balance >= @cost
                RETURNING points
            )
            SELECT stored.duplicate, EXISTS (SELECT 1 FROM inserted),
                   stored.balance - CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN @cost ELSE 0 END
            FROM stored
            """, connection, transaction);
        command.Parameters.AddWithValue("participant", participantId);
        command.Parameters.AddWithValue("key", debit.Key);
        command.Parameters.AddWithValue("at", debit.At.UtcDateTime);
        command.Parameters.AddWithValue("cost", -debit.Points);
        command.Parameters.AddWithValue("rule", debit.Rule);
        command.Parameters.AddWithValue("ref", debit.Ref);
        command.Parameters.Add(new NpgsqlParameter("note", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)debit.Note ?? DBNull.Value });
        StoredDebit outcome;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var result = reader.GetBoolean(0) ? LedgerWrite.AlreadyThere : reader.GetBoolean(1) ? LedgerWrite.Inserted : LedgerWrite.Short;
            outcome = new StoredDebit(result, reader.GetInt32(2));
        }
        await transaction.CommitAsync();
        return outcome;
    }

    public async Task<IReadOnlyDictionary<string, int>> Totals(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = _database.CreateCommand("""
            SELECT participant_id, sum(points)::int FROM ledger_entries
            WHERE at >= @from AND at < @to AND rule NOT LIKE 'redeem:%' AND participant_id NOT LIKE 'drill:%'
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

    /// <summary>
    /// One statement for the drill's every ledger. Nothing indexes participant ids by prefix, so this reads the table
    /// once; a cleanup is rare, and an index would cost every credit a write. A drill id holds no LIKE wildcard
    /// (<see cref="Grains.Drills.DrillIds"/>), so the prefix is a plain pattern.
    /// </summary>
    public async Task<int> EraseDrill(string drill)
    {
        await using var command = _database.CreateCommand("DELETE FROM ledger_entries WHERE participant_id LIKE @prefix");
        command.Parameters.AddWithValue("prefix", ParticipantIds.DrillPrefix(drill) + "%");
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// An entry key is unique within its ledger: a key already in the table is skipped, never doubled, and
    /// reported as such (the RETURNING rows are the ones inserted). A key twice in one batch is sent once, so
    /// the first of them is the one that may be inserted and the others are reported as already there.
    /// </summary>
    private async Task<IReadOnlyList<LedgerWrite>> Flush(IReadOnlyList<(string Participant, LedgerEntry Entry)> batch, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>();
        var sent = batch.Where(a => seen.Add((a.Participant, a.Entry.Key))).ToList();
        await using var command = _database.CreateCommand("""
            INSERT INTO ledger_entries (participant_id, entry_key, at, points, rule, ref, note)
            SELECT * FROM unnest(@participant, @key, @at, @points, @rule, @ref, @note)
            ON CONFLICT (participant_id, entry_key) DO NOTHING
            RETURNING participant_id, entry_key
            """);
        command.Parameters.AddWithValue("participant", sent.Select(a => a.Participant).ToArray());
        command.Parameters.AddWithValue("key", sent.Select(a => a.Entry.Key).ToArray());
        command.Parameters.AddWithValue("at", sent.Select(a => a.Entry.At.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("points", sent.Select(a => a.Entry.Points).ToArray());
        command.Parameters.AddWithValue("rule", sent.Select(a => a.Entry.Rule).ToArray());
        command.Parameters.AddWithValue("ref", sent.Select(a => a.Entry.Ref).ToArray());
        command.Parameters.Add(new NpgsqlParameter("note", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = sent.Select(a => a.Entry.Note).ToArray(),
        });
        var inserted = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        // Remove, so that only the first of a key's appends in the batch is reported inserted.
        return [.. batch.Select(a => inserted.Remove((a.Participant, a.Entry.Key)) ? LedgerWrite.Inserted : LedgerWrite.AlreadyThere)];
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();
}
