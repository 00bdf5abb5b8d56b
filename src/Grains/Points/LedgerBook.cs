using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// A ledger's entries as a grain holds them, with what the rules look up counted once: the keys, the balance
/// and the points paid per rule and county day (so a daily cap is checked without scanning the ledger). It
/// only counts entries the store has kept; <see cref="LedgerRules"/> decides what to ask the store to keep.
/// </summary>
public sealed class LedgerBook
{
    private readonly List<LedgerEntry> _entries = [];
    private readonly HashSet<string> _keys = [];
    private readonly Dictionary<(string Rule, DateOnly Day), int> _earnedByDay = [];

    public int Balance { get; private set; }

    /// <summary>Oldest first, as stored.</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public static LedgerBook Of(IEnumerable<LedgerEntry> stored)
    {
        var book = new LedgerBook();
        foreach (var entry in stored)
        {
            book.Apply(entry);
        }
        return book;
    }

    public bool Has(string key) => _keys.Contains(key);

    public int EarnedOn(string rule, DateOnly countyDay) => _earnedByDay.GetValueOrDefault((rule, countyDay));

    /// <summary>Counts an entry the store has just inserted.</summary>
    public void Apply(LedgerEntry entry)
    {
        _entries.Add(entry);
        _keys.Add(entry.Key);
        Balance += entry.Points;
        var day = (entry.Rule, LedgerRules.CountyDay(entry.At));
        _earnedByDay[day] = _earnedByDay.GetValueOrDefault(day) + entry.Points;
    }
}
