using GridActors.Grains.Storage;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Grain storage for many small grains written at once — the events of a 400k burst. Where the ADO.NET
/// provider spends one round trip and one commit per write, this queues writes from every grain of the silo
/// and commits each batch in one statement; a grain's <c>WriteStateAsync</c> completes only once its batch
/// has committed, so an acknowledged write is as durable as with the provider. Reads are batched the same
/// way, because a burst of new events is also a burst of first reads.
/// </summary>
/// <remarks>
/// The version column is the ETag, with the provider's semantics: a write names the version it read (none
/// for the first) and fails with <see cref="InconsistentStateException"/> if another write came in between.
/// </remarks>
public sealed class GroupCommitGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly string _serviceId;
    private readonly WriteBatcher<StateWrite, int?> _writes;
    private readonly WriteBatcher<StateKey, StoredState?> _reads;

    public GroupCommitGrainStorage(
        NpgsqlDataSource database, IGrainStorageSerializer serializer, string serviceId, WriteBatcherOptions batching)
    {
        _database = database;
        _serializer = serializer;
        _serviceId = serviceId;
        _writes = new WriteBatcher<StateWrite, int?>(FlushWrites, batching);
        _reads = new WriteBatcher<StateKey, StoredState?>(FlushReads, batching);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _reads.Enqueue(StateKey.Of(stateName, grainId));
        if (stored is null)
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }
        grainState.State = _serializer.Deserialize<T>(new BinaryData(stored.Payload));
        grainState.ETag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        int? expected = grainState.ETag is { } etag ? int.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) : null;
        var write = new StateWrite(
            StateKey.Of(stateName, grainId),
            expected,
            (grainState.State as IVersionedState)?.Version,
            _serializer.Serialize(grainState.State).ToArray());
        var written = await _writes.Enqueue(write)
            ?? throw new InconsistentStateException(
                $"Version conflict writing {stateName} of {grainId}: storage is not at ETag '{grainState.ETag}'.",
                storedEtag: null, currentEtag: grainState.ETag);
        grainState.ETag = written.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Events are never cleared; deleting the row is what clearing means here.</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = StateKey.Of(stateName, grainId);
        await using var command = _database.CreateCommand("""
            DELETE FROM batched_grain_state
            WHERE service_id = $1 AND state_name = $2 AND grain_type = $3 AND grain_key = $4
            """);
        command.Parameters.Add(new() { Value = _serviceId });
        command.Parameters.Add(new() { Value = key.StateName });
        command.Parameters.Add(new() { Value = key.GrainType });
        command.Parameters.Add(new() { Value = key.GrainKey });
        await command.ExecuteNonQueryAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// One statement for the whole batch: updates where the ETag matches, inserts where there was none, and
    /// returns the new version of each row it wrote. A request missing from the result lost an ETag race.
    /// </summary>
    private async Task<IReadOnlyList<int?>> FlushWrites(IReadOnlyList<StateWrite> batch, CancellationToken cancellationToken)
    {
        // A grain writes one state at a time, but if one key did appear twice, the second write must see the
        // first's version: it goes in a later round.
        var results = new int?[batch.Count];
        var rounds = new List<List<int>>();
        var remaining = Enumerable.Range(0, batch.Count).ToList();
        while (remaining.Count > 0)
        {
            var seen = new HashSet<StateKey>();
            var round = remaining.Where(i => seen.Add(batch[i].Key)).ToList();
            remaining = [.. remaining.Except(round)];
            rounds.Add(round);
        }

        // Several rounds commit together: a caller is failed only if its write did not commit.
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = rounds.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var round in rounds)
        {
            await WriteRound(connection, batch, round, results, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return results;
    }

    /// <remarks>
    /// The service id travels as a column of the input, not as a constant: compared with a constant, the planner
    /// trusts the table's statistics, and until they have seen that service id it expects one matching row and
    /// scans all of them once per batch — 63 ms instead of 2.5 ms per 100 rows on a freshly migrated database.
    /// </remarks>
    private async Task WriteRound(
        NpgsqlConnection connection, IReadOnlyList<StateWrite> batch, List<int> round, int?[] results, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH input AS (
                SELECT * FROM unnest(array_fill($1::text, ARRAY[cardinality($4::text[])]),
                                     $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::bytea[])
                    AS i(service_id, state_name, grain_type, grain_key, expected, state_version, payload)),
            changed AS (
                UPDATE batched_grain_state s
                SET version = s.version + 1, state_version = i.state_version, payload = i.payload, modified_at = now()
                FROM input i
                WHERE s.service_id = i.service_id AND s.state_name = i.state_name AND s.grain_type = i.grain_type
                  AND s.grain_key = i.grain_key AND i.expected IS NOT NULL AND s.version = i.expected
                RETURNING s.state_name, s.grain_type, s.grain_key, s.version),
            created AS (
                INSERT INTO batched_grain_state (service_id, state_name, grain_type, grain_key, version, state_version, payload)
                SELECT $1, state_name, grain_type, grain_key, 1, state_version, payload FROM input WHERE expected IS NULL
                ON CONFLICT DO NOTHING
                RETURNING state_name, grain_type, grain_key, version)
            SELECT * FROM changed UNION ALL SELECT * FROM created
            """, connection);
        command.Parameters.Add(new() { Value = _serviceId });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].Key.StateName).ToArray() });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].Key.GrainType).ToArray() });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].Key.GrainKey).ToArray() });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].ExpectedVersion).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].StateVersion).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = round.Select(i => batch[i].Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });

        var positions = round.ToDictionary(i => batch[i].Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new StateKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            results[positions[key]] = reader.GetInt32(3);
        }
    }

    private async Task<IReadOnlyList<StoredState?>> FlushReads(IReadOnlyList<StateKey> batch, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT s.state_name, s.grain_type, s.grain_key, s.version, s.payload
            FROM unnest(array_fill($1::text, ARRAY[cardinality($4::text[])]), $2::text[], $3::text[], $4::text[])
                AS i(service_id, state_name, grain_type, grain_key)
            JOIN batched_grain_state s
              ON s.service_id = i.service_id AND s.state_name = i.state_name AND s.grain_type = i.grain_type AND s.grain_key = i.grain_key
            """);
        command.Parameters.Add(new() { Value = _serviceId });
        command.Parameters.Add(new() { Value = batch.Select(k => k.StateName).ToArray() });
        command.Parameters.Add(new() { Value = batch.Select(k => k.GrainType).ToArray() });
        command.Parameters.Add(new() { Value = batch.Select(k => k.GrainKey).ToArray() });

        var found = new Dictionary<StateKey, StoredState>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new StateKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                found[key] = new StoredState(reader.GetInt32(3), reader.GetFieldValue<byte[]>(4));
            }
        }
        return [.. batch.Select(key => found.GetValueOrDefault(key))];
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private sealed record StateKey(string StateName, string GrainType, string GrainKey)
    {
        public static StateKey Of(string stateName, GrainId grainId) => new(stateName, grainId.Type.ToString()!, grainId.Key.ToString()!);
    }

    private sealed record StateWrite(StateKey Key, int? ExpectedVersion, long? StateVersion, byte[] Payload);

    private sealed record StoredState(int Version, byte[] Payload);
}
