using System.Collections.Concurrent;
using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Deadlines;

/// <summary>
/// The embedded default: entries in the silo's memory, surviving a shard's deactivation for as long as the
/// process runs — the same promise as the in-memory grain storage it sits beside.
/// </summary>
public sealed class InMemoryDeadlineStore : IDeadlineStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<AlarmTarget, ArmedDeadline>> _shards = new();

    public Task<IReadOnlyList<ArmedDeadline>> Load(string shard) =>
        Task.FromResult<IReadOnlyList<ArmedDeadline>>(_shards.TryGetValue(shard, out var entries) ? [.. entries.Values] : []);

    public Task Upsert(string shard, ArmedDeadline deadline)
    {
        _shards.GetOrAdd(shard, _ => new())[deadline.Target] = deadline;
        return Task.CompletedTask;
    }

    public Task Remove(string shard, AlarmTarget target)
    {
        if (_shards.TryGetValue(shard, out var entries))
        {
            entries.TryRemove(target, out _);
        }
        return Task.CompletedTask;
    }
}
