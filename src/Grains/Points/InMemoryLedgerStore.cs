using System.Collections.Concurrent;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// The embedded default: each participant's entries in the silo's memory, for as long as the process runs. It
/// writes the points read model as it inserts, under the same lock, so the rankings see exactly the stored
/// entries and a ledger never has to project its own.
/// </summary>
public sealed class InMemoryLedgerStore(InMemoryPointsReadModel readModel) : ILedgerStore
{
    private readonly ConcurrentDictionary<string, Ledger> _ledgers = new();

    public Task<LedgerSummary> LoadSummary(string participantId, int recent)
    {
        if (!_ledgers.TryGetValue(participantId, out var ledger))
        {
            return Task.FromResult(LedgerSummary.Empty);
        }
        lock (ledger)
        {
            return Task.FromResult(LedgerSummary.Of(ledger.Entries, recent));
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> Load(string participantId)
    {
        if (!_ledgers.TryGetValue(participantId, out var ledger))
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([]);
        }
        lock (ledger)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([.. ledger.Entries]);
        }
    }

    public Task<LedgerWrite> Append(string participantId, LedgerEntry entry)
    {
        var ledger = _ledgers.GetOrAdd(participantId, _ => new Ledger());
        lock (ledger)
        {
            return Task.FromResult(ledger.Keys.Contains(entry.Key) ? LedgerWrite.AlreadyThere : Insert(participantId, ledger, entry));
        }
    }

    public Task<StoredDebit> AppendIfCovered(string participantId, LedgerEntry debit)
    {
        var ledger = _ledgers.GetOrAdd(participantId, _ => new Ledger());
        lock (ledger)
        {
            var result = ledger.Keys.Contains(debit.Key) ? LedgerWrite.AlreadyThere
                : !LedgerRules.Covers(ledger.Balance, -debit.Points) ? LedgerWrite.Short
                : Insert(participantId, ledger, debit);
            return Task.FromResult(new StoredDebit(result, ledger.Balance));
        }
    }

    public Task<int> EraseDrill(string drill)
    {
        var prefix = ParticipantIds.DrillPrefix(drill);
        var erased = 0;
        foreach (var participantId in _ledgers.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (_ledgers.TryRemove(participantId, out var ledger))
            {
                lock (ledger)
                {
                    readModel.Remove(participantId, ledger.Keys);
                    erased += ledger.Entries.Count;
                }
            }
        }
        return Task.FromResult(erased);
    }

    /// <remarks>Called under the ledger's lock.</remarks>
    private LedgerWrite Insert(string participantId, Ledger ledger, LedgerEntry entry)
    {
        ledger.Entries.Add(entry);
        ledger.Keys.Add(entry.Key);
        ledger.Balance += entry.Points;
        readModel.Project(participantId, entry);
        return LedgerWrite.Inserted;
    }

    private sealed class Ledger
    {
        public List<LedgerEntry> Entries { get; } = [];

        public HashSet<string> Keys { get; } = [];

        public int Balance { get; set; }
    }
}
