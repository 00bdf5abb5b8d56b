using GridActors.Grains.Audit;
using GridActors.Grains.Interfaces.Audit;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// The audit trail in PostgreSQL's append-only <c>audit_log</c>. Appends from the whole silo — every read of a
/// case's personal data among them — are grouped into one multi-row insert, each completing once committed, so
/// that auditing reads costs a share of one WAL flush rather than one each.
/// </summary>
public sealed class PostgresAuditTrail : IAuditTrail, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly WriteBatcher<AuditEntry, bool> _appends;

    public PostgresAuditTrail(NpgsqlDataSource database, WriteBatcherOptions batching)
    {
        _database = database;
        _appends = new WriteBatcher<AuditEntry, bool>(Flush, batching with { FlushLoops = 1 });
    }

    public Task Append(AuditEntry entry) => _appends.Enqueue(entry);

    public async Task<AuditPage> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Filter(query);
        await using var batch = _database.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*)::int FROM audit_log WHERE {where}");
        count.Parameters.AddRange(parameters());
        var page = new NpgsqlBatchCommand($"SELECT {AuditRowSql.Columns} FROM audit_log WHERE {where} ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset");
        page.Parameters.AddRange(parameters());
        page.Parameters.AddWithValue("limit", query.PageSize);
        page.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.PageSize);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                new AuditActor(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetString(4),
                new AuditSubject(reader.GetString(5), reader.GetString(6)),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return new AuditPage(items, total);
    }

    /// <summary>The filters of <see cref="AuditQuery.Matches"/>, as a WHERE clause with fresh parameters per command.</summary>
    private static (string Where, Func<NpgsqlParameter[]> Parameters) Filter(AuditQuery query)
    {
        var conditions = new List<string> { "true" };
        var values = new List<(string Name, object Value)>();
        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                values.Add((name, value));
            }
        }
        Add("coalesce(actor_subject, actor_role || ':' || actor_scope) = @actor", "actor", query.Actor);
        Add("subject_id = @subject", "subject", query.SubjectId);
        Add("action = @action", "action", query.Action);
        Add("at >= @from", "from", query.From?.UtcDateTime);
        Add("at < @to", "to", query.To?.UtcDateTime);
        Add("township_id = @township", "township", query.TownshipId);
        return (string.Join(" AND ", conditions), () => [.. values.Select(v => new NpgsqlParameter(v.Name, v.Value))]);
    }

    private async Task<IReadOnlyList<bool>> Flush(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            $"INSERT INTO audit_log ({AuditRowSql.Columns}) SELECT * FROM unnest({AuditRowSql.Arrays})");
        AuditRowSql.AddRows(command.Parameters, [.. batch]);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.Select(_ => true)];
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();
}
