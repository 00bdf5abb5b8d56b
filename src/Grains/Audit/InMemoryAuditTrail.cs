namespace GridActors.Grains.Audit;

/// <summary>The embedded default: the trail in the process's memory, in the order appended.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task Append(AuditEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task<AuditPage> Query(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var matching = _entries.Where(query.Matches).ToList();
            var page = matching.AsEnumerable().Reverse().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
            return Task.FromResult(new AuditPage(page, matching.Count));
        }
    }
}
