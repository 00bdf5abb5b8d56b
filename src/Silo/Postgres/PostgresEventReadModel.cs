using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace GridActors.Silo.Postgres;

/// <summary>
/// The read model in PostgreSQL, shared by every silo of a cluster. Projections are queued and written a batch
/// at a time as one multi-row upsert; <see cref="Project"/> completes once its row is committed, so a case the
/// API has acknowledged is already listed. The upsert only moves a row to a higher version, which makes a
/// repeated or late projection harmless.
/// </summary>
/// <remarks>
/// Projections commit without waiting for the WAL flush (<c>synchronous_commit = off</c> for the sessions of
/// their own data source only). A WAL flush costs about 1.5 ms on this machine's disk and every durable write waits for one; the read
/// model can be rebuilt from grain state — <see cref="ReadModelHealer"/> re-projects any case whose row is
/// behind after a crash — so it need not pay for durability twice.
/// </remarks>
public sealed class PostgresEventReadModel : IEventReadModel, IAsyncDisposable
{
    private const string Columns = """
        id, grid_id, village_id, township_id, category, title, status, priority, reporter_kind, reporter_id,
        assignee_kind, assignee_id, escalation_level, overdue, rework_count, extension_count, reported_at,
        closed_at, whole_due_at, version
        """;

    private readonly NpgsqlDataSource _database;
    private readonly NpgsqlDataSource _projectionDatabase;
    private readonly WriteBatcher<EventSummary, bool> _projections;

    /// <param name="database">For queries.</param>
    /// <param name="projectionDatabase">For projections: its sessions commit without waiting for the WAL flush.</param>
    /// <param name="batching">How projections are grouped.</param>
    public PostgresEventReadModel(NpgsqlDataSource database, NpgsqlDataSource projectionDatabase, WriteBatcherOptions batching)
    {
        _database = database;
        _projectionDatabase = projectionDatabase;
        _projections = new WriteBatcher<EventSummary, bool>(Upsert, batching);
    }

    public async ValueTask Project(EventSummary summary) => await _projections.Enqueue(summary);

    public async Task<EventPage> Query(EventQuery query, CancellationToken cancellationToken = default)
    {
        var filter = EventFilterSql.From(query);
        await using var count = _database.CreateCommand($"SELECT count(*) FROM events WHERE {filter.Where}");
        count.Parameters.AddRange(filter.Parameters());
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;

        await using var page = _database.CreateCommand(
            $"SELECT {Columns} FROM events WHERE {filter.Where} ORDER BY reported_at DESC, id LIMIT @limit OFFSET @offset");
        page.Parameters.AddRange(filter.Parameters());
        page.Parameters.AddWithValue("limit", query.PageSize);
        page.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.PageSize);
        var items = await ReadSummaries(page, cancellationToken);
        return new EventPage(items, (int)total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<EventSummary>> Select(EventQuery query, CancellationToken cancellationToken = default)
    {
        var filter = EventFilterSql.From(query);
        await using var command = _database.CreateCommand($"SELECT {Columns} FROM events WHERE {filter.Where}");
        command.Parameters.AddRange(filter.Parameters());
        return await ReadSummaries(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CaseTally>> Tally(EventQuery query, DateTimeOffset now, TallyBy by, CancellationToken cancellationToken = default)
    {
        var filter = EventFilterSql.From(query);
        var area = by switch { TallyBy.Township => "township_id", TallyBy.Village => "village_id", _ => "''" };
        await using var command = _database.CreateCommand($"""
            SELECT {area}, {CaseTallySql.Columns} FROM events WHERE {filter.Where} GROUP BY 1
            """);
        command.Parameters.AddRange(filter.Parameters());
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        var tallies = new Dictionary<string, CaseTally>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tallies[reader.GetString(0)] = CaseTallySql.Read(reader, firstColumn: 1);
        }
        return tallies;
    }

    public async Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CancellationToken cancellationToken = default)
    {
        // The same rule as EventSummary.IsCurrent; each arm has an index (0006 and 0007), so this reads the
        // open and today's cases, not the whole table.
        await using var command = _database.CreateCommand($"""
            SELECT {Columns} FROM events
            WHERE status NOT IN ('Closed', 'Cancelled') OR reported_at >= @day OR closed_at >= @day
            """);
        command.Parameters.AddWithValue("day", dayStart.UtcDateTime);
        return await ReadSummaries(command, cancellationToken);
    }

    public async Task<EventSummary?> Find(string id, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand($"SELECT {Columns} FROM events WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        var found = await ReadSummaries(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<IReadOnlyList<bool>> Upsert(IReadOnlyList<EventSummary> batch, CancellationToken cancellationToken)
    {
        // One row per id and statement: an upsert may not touch a row twice, and only the newest counts anyway.
        var newest = batch.GroupBy(e => e.Id).Select(g => g.MaxBy(e => e.Version)!).ToList();
        await using var command = _projectionDatabase.CreateCommand($"""
            INSERT INTO events ({Columns})
            SELECT * FROM unnest(@id, @grid, @village, @township, @category, @title, @status, @priority,
                                 @reporter_kind, @reporter_id, @assignee_kind, @assignee_id, @escalation, @overdue,
                                 @rework, @extensions, @reported_at, @closed_at, @whole_due_at, @version)
            ON CONFLICT (id) DO UPDATE SET
                status = excluded.status, priority = excluded.priority,
                assignee_kind = excluded.assignee_kind, assignee_id = excluded.assignee_id,
                escalation_level = excluded.escalation_level, overdue = excluded.overdue,
                rework_count = excluded.rework_count, extension_count = excluded.extension_count,
                closed_at = excluded.closed_at, whole_due_at = excluded.whole_due_at, version = excluded.version
            WHERE events.version < excluded.version
            """);
        var p = command.Parameters;
        p.AddWithValue("id", newest.Select(e => e.Id).ToArray());
        p.AddWithValue("grid", newest.Select(e => e.GridId).ToArray());
        p.AddWithValue("village", newest.Select(e => e.VillageId).ToArray());
        p.AddWithValue("township", newest.Select(e => e.TownshipId).ToArray());
        p.AddWithValue("category", newest.Select(e => e.Category).ToArray());
        p.AddWithValue("title", newest.Select(e => e.Title).ToArray());
        p.AddWithValue("status", newest.Select(e => e.Status.ToString()).ToArray());
        p.AddWithValue("priority", newest.Select(e => e.Priority.ToString()).ToArray());
        p.AddWithValue("reporter_kind", newest.Select(e => e.Reporter.Kind).ToArray());
        p.AddWithValue("reporter_id", newest.Select(e => e.Reporter.Id).ToArray());
        p.Add(TextArray("assignee_kind", newest.Select(e => e.Assignee?.Kind)));
        p.Add(TextArray("assignee_id", newest.Select(e => e.Assignee?.Id)));
        p.AddWithValue("escalation", newest.Select(e => e.EscalationLevel).ToArray());
        p.AddWithValue("overdue", newest.Select(e => e.Overdue).ToArray());
        p.AddWithValue("rework", newest.Select(e => e.ReworkCount).ToArray());
        p.AddWithValue("extensions", newest.Select(e => e.ExtensionCount).ToArray());
        p.AddWithValue("reported_at", newest.Select(e => e.ReportedAt.UtcDateTime).ToArray());
        p.Add(TimeArray("closed_at", newest.Select(e => e.ClosedAt)));
        p.Add(TimeArray("whole_due_at", newest.Select(e => e.WholeDueAt)));
        p.AddWithValue("version", newest.Select(e => e.Version).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter TimeArray(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.UtcDateTime).ToArray() };

    private static async Task<IReadOnlyList<EventSummary>> ReadSummaries(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<EventSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EventSummary(
                Id: reader.GetString(0),
                GridId: reader.GetString(1),
                VillageId: reader.GetString(2),
                TownshipId: reader.GetString(3),
                Category: reader.GetString(4),
                Title: reader.GetString(5),
                Status: Enum.Parse<EventStatus>(reader.GetString(6)),
                Priority: Enum.Parse<Priority>(reader.GetString(7)),
                Reporter: new Party(reader.GetString(8), reader.GetString(9)),
                Assignee: reader.IsDBNull(10) ? null : new Party(reader.GetString(10), reader.GetString(11)),
                EscalationLevel: reader.GetInt32(12),
                Overdue: reader.GetBoolean(13),
                ReworkCount: reader.GetInt32(14),
                ExtensionCount: reader.GetInt32(15),
                ReportedAt: reader.GetFieldValue<DateTimeOffset>(16),
                ClosedAt: reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17),
                WholeDueAt: reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18),
                Version: reader.GetInt64(19)));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _projections.DisposeAsync();
        await _projectionDatabase.DisposeAsync();
    }
}
