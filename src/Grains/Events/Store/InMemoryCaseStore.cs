using GridActors.Grains.Deadlines;
using GridActors.Grains.ReadModel;
using Orleans.Serialization;

namespace GridActors.Grains.Events.Store;

/// <summary>
/// The embedded default: cases in the silo's memory, for as long as the process runs. It keeps the PostgreSQL
/// store's promises within the process — a commit stores the state, the read-model row, the deadline entry and
/// the outbox under one lock or none of them — and keeps states serialized, so no grain ever holds the stored
/// object itself.
/// </summary>
public sealed class InMemoryCaseStore(
    Serializer serializer, IEventReadModel readModel, IDeadlineStore deadlines, TimeProvider realTime) : ICaseStore
{
    private readonly Dictionary<string, Entry> _cases = [];
    private readonly Lock _lock = new();

    public Task<StoredCase?> Load(string caseId)
    {
        lock (_lock)
        {
            if (!_cases.TryGetValue(caseId, out var entry))
            {
                return Task.FromResult<StoredCase?>(null);
            }
            var state = serializer.Deserialize<EventState>(entry.Payload)!;
            return Task.FromResult<StoredCase?>(new StoredCase(state, [.. entry.Outboxes.Select(o => o.Outbox)]));
        }
    }

    /// <summary>
    /// The deadline entry first: it is the part that can fail (a test's failing store), and if it does nothing
    /// else is stored. A case commits one step at a time, so nobody moves its version in between.
    /// </summary>
    public async Task<bool> Commit(CaseCommit commit)
    {
        if (StoredVersion(commit.CaseId) != commit.ExpectedVersion)
        {
            return false;
        }
        if (commit.Deadline is { } deadline)
        {
            await (deadline.Armed is { } armed
                ? deadlines.Upsert(deadline.Shard, armed)
                : deadlines.Remove(deadline.Shard, deadline.Target));
        }
        lock (_lock)
        {
            var known = _cases.GetValueOrDefault(commit.CaseId);
            if ((known?.Version ?? 0) != commit.ExpectedVersion)
            {
                return false;
            }
            var entry = new Entry(commit.State.Version, serializer.SerializeToArray(commit.State), known?.Outboxes ?? []);
            if (commit.Outbox is { } outbox)
            {
                entry.Outboxes.Add((outbox, realTime.GetUtcNow()));
            }
            _cases[commit.CaseId] = entry;
        }
        await readModel.Project(commit.Row);
        return true;
    }

    private long StoredVersion(string caseId)
    {
        lock (_lock)
        {
            return _cases.GetValueOrDefault(caseId)?.Version ?? 0;
        }
    }

    public Task Delivered(string caseId, long version)
    {
        lock (_lock)
        {
            if (_cases.TryGetValue(caseId, out var entry))
            {
                entry.Outboxes.RemoveAll(o => o.Outbox.Version <= version);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default)
    {
        var before = realTime.GetUtcNow() - age;
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _cases
                .Where(c => c.Value.Outboxes.Any(o => o.WrittenAt <= before))
                .Select(c => c.Key)
                .Take(limit)]);
        }
    }

    private sealed record Entry(long Version, byte[] Payload, List<(CaseOutbox Outbox, DateTimeOffset WrittenAt)> Outboxes);
}
