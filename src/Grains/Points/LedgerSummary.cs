using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// What a ledger grain loads of its stored entries: the balance, the points paid per rule and county day (what a
/// daily cap is checked against), how many entries there are and the newest of them — never the whole history,
/// so a party branch's ledger costs the same memory on its hundred-thousandth entry as on its hundredth.
/// </summary>
/// <param name="Balance">The sum of every stored entry.</param>
/// <param name="EarnedByDay">The points of every stored entry by its rule and county day.</param>
/// <param name="EntryCount">How many entries are stored.</param>
/// <param name="Recent">The newest stored entries, oldest first.</param>
public sealed record LedgerSummary(
    int Balance,
    IReadOnlyDictionary<(string Rule, DateOnly CountyDay), int> EarnedByDay,
    int EntryCount,
    IReadOnlyList<LedgerEntry> Recent)
{
    public static LedgerSummary Empty { get; } = new(0, new Dictionary<(string, DateOnly), int>(), 0, []);

    /// <summary>The summary of a whole list of entries, oldest first: the rule the stores state again where the entries are.</summary>
    public static LedgerSummary Of(IReadOnlyCollection<LedgerEntry> entries, int recent)
    {
        var earned = new Dictionary<(string, DateOnly), int>();
        foreach (var entry in entries)
        {
            var day = (entry.Rule, LedgerRules.CountyDay(entry.At));
            earned[day] = earned.GetValueOrDefault(day) + entry.Points;
        }
        return new LedgerSummary(entries.Sum(e => e.Points), earned, entries.Count, [.. entries.TakeLast(recent)]);
    }
}
