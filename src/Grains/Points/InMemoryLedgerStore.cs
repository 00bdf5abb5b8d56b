using System.Collections.Concurrent;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>The embedded default: each participant's entries in the silo's memory, for as long as the process runs.</summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<string, List<LedgerEntry>> _ledgers = new();

    public Task<IReadOnlyList<LedgerEntry>> Load(string participantId)
    {
        if (!_ledgers.TryGetValue(participantId, out var entries))
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([]);
        }
        lock (entries)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([.. entries]);
        }
    }

    public Task Append(string participantId, LedgerEntry entry)
    {
        var entries = _ledgers.GetOrAdd(participantId, _ => []);
        lock (entries)
        {
            entries.Add(entry);
        }
        return Task.CompletedTask;
    }
}
