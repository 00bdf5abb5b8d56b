using GridActors.Grains.Audit;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// The <c>audit_log</c> row as SQL: its columns and the arrays that carry a batch of entries into an <c>unnest</c>.
/// Shared by the trail's own appends and the case store, which writes a step's entry in the step's statement; a
/// null entry (a drill's step) is a row of nulls there, which that statement leaves out.
/// </summary>
internal static class AuditRowSql
{
    public const string Columns =
        "at, actor_role, actor_scope, actor_subject, action, subject_kind, subject_id, outcome, detail, township_id";

    /// <summary>The arrays <see cref="AddRows"/> binds, in column order.</summary>
    public const string Arrays =
        "@audit_at, @audit_role, @audit_scope, @audit_subject, @audit_action, @audit_kind, @audit_id, @audit_outcome, @audit_detail, @audit_township";

    /// <summary>The same columns as the case store's <c>unnest</c> names them, beside the case's own.</summary>
    public const string InputColumns =
        "audit_at, audit_role, audit_scope, audit_subject, audit_action, audit_kind, audit_id, audit_outcome, audit_detail, audit_township";

    public static void AddRows(NpgsqlParameterCollection p, IReadOnlyList<AuditEntry?> entries)
    {
        p.Add(EventRowSql.TimeArray("audit_at", entries.Select(e => e?.At)));
        p.Add(EventRowSql.TextArray("audit_role", entries.Select(e => e?.Actor.Role)));
        p.Add(EventRowSql.TextArray("audit_scope", entries.Select(e => e?.Actor.Scope)));
        p.Add(EventRowSql.TextArray("audit_subject", entries.Select(e => e?.Actor.Subject)));
        p.Add(EventRowSql.TextArray("audit_action", entries.Select(e => e?.Action)));
        p.Add(EventRowSql.TextArray("audit_kind", entries.Select(e => e?.Subject.Kind)));
        p.Add(EventRowSql.TextArray("audit_id", entries.Select(e => e?.Subject.Id)));
        p.Add(EventRowSql.TextArray("audit_outcome", entries.Select(e => e?.Outcome)));
        p.Add(EventRowSql.TextArray("audit_detail", entries.Select(e => e?.Detail)));
        p.Add(EventRowSql.TextArray("audit_township", entries.Select(e => e?.TownshipId)));
    }
}
