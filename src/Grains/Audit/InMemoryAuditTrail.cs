using System.Collections.Concurrent;

namespace GridActors.Grains.Audit;

/// <summary>
/// The embedded default: the trail in the process's memory, in the order appended, for as long as the process runs.
/// Appends never wait for a reader: a case's commit appends, and a query over a long trail takes its snapshot
/// without holding the commits up.
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public Task Append(AuditEntry entry)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<AuditPage> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var matching = _entries.ToArray().Where(query.Matches).ToList();
        var page = Enumerable.Reverse(matching).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Task.FromResult(new AuditPage(page, matching.Count));
    }
}
