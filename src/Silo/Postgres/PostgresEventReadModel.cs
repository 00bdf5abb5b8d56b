using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// The read model in PostgreSQL, shared by every silo of a cluster: the queries of lists, statistics and live
/// views. Cases write their rows themselves, in the commit of each step (<see cref="PostgresCaseStore"/>), so a
/// case the API has acknowledged is already listed and a row is never behind its case. <see cref="Project"/>
/// remains for what is projected apart from a case's step; its upsert only moves a row to a higher version.
/// </summary>
public sealed class PostgresEventReadModel : IEventReadModel, IAsyncDisposable
{
    private const string Columns = EventRowSql.Columns;

    private readonly NpgsqlDataSource _database;
    private readonly WriteBatcher<EventSummary, bool> _projections;

    public PostgresEventReadModel(NpgsqlDataSource database, WriteBatcherOptions batching)
    {
        _database = database;
        _projections = new WriteBatcher<EventSummary, bool>(Upsert, batching with { FlushLoops = 1 });
    }

    public async ValueTask Project(EventSummary summary) => await _projections.Enqueue(summary);

    public async ValueTask Remove(IReadOnlyCollection<string> ids)
    {
        await using var command = _database.CreateCommand("DELETE FROM events WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync();
    }

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

    public async Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyFinished(
        DateTimeOffset? reportedFrom, DateTimeOffset? finishedAfter, DateTimeOffset finishedBy, CancellationToken cancellationToken = default)
    {
        // With finishedAfter, a range of events_finished (0010): the few cases finished since the last count.
        var after = finishedAfter is null ? "" : "AND finished_at > @after";
        await using var command = _database.CreateCommand($"""
            SELECT township_id, village_id, {CaseTallySql.Columns} FROM events
            WHERE reported_at >= @from AND finished_at <= @by {after} AND drill IS NULL
            GROUP BY 1, 2
            """);
        command.Parameters.AddWithValue("from", (reportedFrom ?? DateTimeOffset.MinValue).UtcDateTime);
        command.Parameters.AddWithValue("by", finishedBy.UtcDateTime);
        if (finishedAfter is { } since)
        {
            command.Parameters.AddWithValue("after", since.UtcDateTime);
        }
        // A finished case is due whatever the moment, so its tally does not depend on the time it is taken at.
        command.Parameters.AddWithValue("now", finishedBy.UtcDateTime);
        return await ReadByVillage(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyUnfinished(
        DateTimeOffset? reportedFrom, DateTimeOffset finishedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The open cases, the just-finished ones and the finished ones whose finish time an older silo left out
        // (0011), each arm by its index. The open cases are asked for apart. events_open keeps an entry for each
        // version of a case that was open until autovacuum next visits events, once a fifth of the table is dead:
        // at 500,000 cases, 90,678 entries for 93 open cases (the soak's database, 2026-12-02). Inside an OR the
        // planner reads the index into a bitmap, which visits every dead entry's page on every call and never
        // learns: this question took 258 ms and grew with the table. Alone, the arm is a plain index scan, which
        // marks the dead entries it meets so that no later scan visits them again (the same count then fetched
        // 230 rows, not 90,911).
        await using var command = _database.CreateCommand($"""
            SELECT township_id, village_id, {CaseTallySql.Columns} FROM (
                SELECT * FROM events WHERE is_open AND reported_at >= @from AND drill IS NULL
                UNION ALL
                SELECT * FROM events WHERE NOT is_open AND reported_at >= @from AND (finished_at > @by OR finished_at IS NULL) AND drill IS NULL
            ) AS unfinished
            GROUP BY 1, 2
            """);
        command.Parameters.AddWithValue("from", (reportedFrom ?? DateTimeOffset.MinValue).UtcDateTime);
        command.Parameters.AddWithValue("by", finishedBy.UtcDateTime);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return await ReadByVillage(command, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<VillageOf, CaseTally>> ReadByVillage(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var tallies = new Dictionary<VillageOf, CaseTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tallies[new VillageOf(reader.GetString(0), reader.GetString(1))] = CaseTallySql.Read(reader, firstColumn: 2);
        }
        return tallies;
    }

    public async Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CaseSet cases, CancellationToken cancellationToken = default)
    {
        // The same rule as EventSummary.IsCurrent; each arm has an index (0006, 0007 and 0009), so this reads
        // the open and today's cases, not the whole table. The open cases are asked for apart, as in TallyUnfinished.
        var filter = EventFilterSql.Of(cases);
        await using var command = _database.CreateCommand($"""
            SELECT {Columns} FROM events WHERE is_open AND {filter.Where}
            UNION ALL
            SELECT {Columns} FROM events WHERE NOT is_open AND (reported_at >= @day OR closed_at >= @day) AND {filter.Where}
            """);
        command.Parameters.AddRange(filter.Parameters());
        command.Parameters.AddWithValue("day", dayStart.UtcDateTime);
        return await ReadSummaries(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DrillCase>> DrillCases(string drill, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand("SELECT id, is_open FROM events WHERE drill = @drill LIMIT @limit");
        command.Parameters.AddWithValue("drill", drill);
        command.Parameters.AddWithValue("limit", limit);
        var cases = new List<DrillCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(new DrillCase(reader.GetString(0), reader.GetBoolean(1)));
        }
        return cases;
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
        await using var command = _database.CreateCommand($"""
            INSERT INTO events ({Columns})
            SELECT * FROM unnest({EventRowSql.Arrays})
            {EventRowSql.Upsert}
            """);
        EventRowSql.AddRows(command.Parameters, newest);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

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
                Version: reader.GetInt64(19),
                FinishedAt: reader.IsDBNull(20) ? null : reader.GetFieldValue<DateTimeOffset>(20),
                Drill: reader.IsDBNull(21) ? null : reader.GetString(21)));
        }
        return rows;
    }

    public ValueTask DisposeAsync() => _projections.DisposeAsync();
}
