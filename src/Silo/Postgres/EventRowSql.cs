using GridActors.Grains.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace GridActors.Silo.Postgres;

/// <summary>
/// The read model's <c>events</c> row as SQL: its columns, and the arrays that carry a batch of rows into an
/// <c>unnest</c>. Shared by the case store, which writes rows with their steps, and the read model.
/// </summary>
internal static class EventRowSql
{
    public const string Columns = """
        id, grid_id, village_id, township_id, category, title, status, priority, reporter_kind, reporter_id,
        assignee_kind, assignee_id, escalation_level, overdue, rework_count, extension_count, reported_at,
        closed_at, whole_due_at, version, finished_at, drill
        """;

    /// <summary>The arrays <see cref="AddRows"/> binds, in column order.</summary>
    public const string Arrays = """
        @id, @grid, @village, @township, @category, @title, @status, @priority, @reporter_kind, @reporter_id,
        @assignee_kind, @assignee_id, @escalation, @overdue, @rework, @extensions, @reported_at, @closed_at,
        @whole_due_at, @version, @finished_at, @drill
        """;

    /// <summary>
    /// A row moves only to a higher version, so a repeated or late write changes nothing. A case's drill never
    /// changes, so it is written with the first row and left alone.
    /// </summary>
    public const string Upsert = """
        ON CONFLICT (id) DO UPDATE SET
            status = excluded.status, priority = excluded.priority,
            assignee_kind = excluded.assignee_kind, assignee_id = excluded.assignee_id,
            escalation_level = excluded.escalation_level, overdue = excluded.overdue,
            rework_count = excluded.rework_count, extension_count = excluded.extension_count,
            closed_at = excluded.closed_at, whole_due_at = excluded.whole_due_at, version = excluded.version,
            finished_at = excluded.finished_at
        WHERE events.version < excluded.version
        """;

    public static void AddRows(NpgsqlParameterCollection p, IReadOnlyList<EventSummary> rows)
    {
        p.AddWithValue("id", rows.Select(e => e.Id).ToArray());
        p.AddWithValue("grid", rows.Select(e => e.GridId).ToArray());
        p.AddWithValue("village", rows.Select(e => e.VillageId).ToArray());
        p.AddWithValue("township", rows.Select(e => e.TownshipId).ToArray());
        p.AddWithValue("category", rows.Select(e => e.Category).ToArray());
        p.AddWithValue("title", rows.Select(e => e.Title).ToArray());
        p.AddWithValue("status", rows.Select(e => e.Status.ToString()).ToArray());
        p.AddWithValue("priority", rows.Select(e => e.Priority.ToString()).ToArray());
        p.AddWithValue("reporter_kind", rows.Select(e => e.Reporter.Kind).ToArray());
        p.AddWithValue("reporter_id", rows.Select(e => e.Reporter.Id).ToArray());
        p.Add(TextArray("assignee_kind", rows.Select(e => e.Assignee?.Kind)));
        p.Add(TextArray("assignee_id", rows.Select(e => e.Assignee?.Id)));
        p.AddWithValue("escalation", rows.Select(e => e.EscalationLevel).ToArray());
        p.AddWithValue("overdue", rows.Select(e => e.Overdue).ToArray());
        p.AddWithValue("rework", rows.Select(e => e.ReworkCount).ToArray());
        p.AddWithValue("extensions", rows.Select(e => e.ExtensionCount).ToArray());
        p.AddWithValue("reported_at", rows.Select(e => e.ReportedAt.UtcDateTime).ToArray());
        p.Add(TimeArray("closed_at", rows.Select(e => e.ClosedAt)));
        p.Add(TimeArray("whole_due_at", rows.Select(e => e.WholeDueAt)));
        p.AddWithValue("version", rows.Select(e => e.Version).ToArray());
        p.Add(TimeArray("finished_at", rows.Select(e => e.FinishedTime)));
        p.Add(TextArray("drill", rows.Select(e => e.Drill)));
    }

    public static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    public static NpgsqlParameter TimeArray(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.UtcDateTime).ToArray() };
}
