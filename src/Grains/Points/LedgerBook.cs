using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// A ledger as a grain holds it: the balance, the points paid per rule and county day (so a daily cap is checked
/// without scanning the ledger), the entry count and the newest <see cref="RecentCapacity"/> entries with their
/// keys. Bounded on purpose: the store keeps the history and is the judge of a key older than the recent window
/// (it answers "already there"). It only counts entries the store has kept; <see cref="LedgerRules"/> decides
/// what to ask the store to keep.
/// </summary>
public sealed class LedgerBook
{
    /// <summary>The entries a ledger's view shows and whose keys it checks without asking the store.</summary>
    public const int RecentCapacity = 100;

    private readonly Queue<LedgerEntry> _recent = new(RecentCapacity);
    private readonly HashSet<string> _recentKeys = [];
    private readonly Dictionary<(string Rule, DateOnly Day), int> _earnedByDay = [];

    public int Balance { get; private set; }

    /// <summary>Every entry stored, not only the recent ones.</summary>
    public int EntryCount { get; private set; }

    /// <summary>The newest entries, oldest first.</summary>
    public IReadOnlyCollection<LedgerEntry> Recent => _recent;

    public static LedgerBook Of(LedgerSummary stored)
    {
        var book = new LedgerBook { Balance = stored.Balance, EntryCount = stored.EntryCount };
        foreach (var (day, points) in stored.EarnedByDay)
        {
            book._earnedByDay[day] = points;
        }
        foreach (var entry in stored.Recent.TakeLast(RecentCapacity))
        {
            book.Remember(entry);
        }
        return book;
    }

    /// <summary>For rules and tests: the book of a whole list of entries, oldest first.</summary>
    public static LedgerBook Of(params LedgerEntry[] stored) => Of(LedgerSummary.Of(stored, RecentCapacity));

    /// <summary>True when one of the recent entries has the key; false says nothing of older ones.</summary>
    public bool HasRecent(string key) => _recentKeys.Contains(key);

    public int EarnedOn(string rule, DateOnly countyDay) => _earnedByDay.GetValueOrDefault((rule, countyDay));

    /// <summary>Counts an entry the store has just inserted.</summary>
    public void Apply(LedgerEntry entry)
    {
        Remember(entry);
        EntryCount++;
        Balance += entry.Points;
        var day = (entry.Rule, LedgerRules.CountyDay(entry.At));
        _earnedByDay[day] = _earnedByDay.GetValueOrDefault(day) + entry.Points;
    }

    private void Remember(LedgerEntry entry)
    {
        if (_recent.Count == RecentCapacity)
        {
            _recentKeys.Remove(_recent.Dequeue().Key);
        }
        _recent.Enqueue(entry);
        _recentKeys.Add(entry.Key);
    }
}
