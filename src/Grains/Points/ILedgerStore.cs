using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// Where ledgers keep their entries: append-only, one row per entry, so paying costs the same on a
/// participant's thousandth entry as on its first. (Rewriting a whole ledger on every credit made closing
/// cases slower as the party branches' ledgers grew.) The balance is the sum of the entries.
/// </summary>
public interface ILedgerStore
{
    Task<IReadOnlyList<LedgerEntry>> Load(string participantId);

    /// <summary>Appends the entry; durable when it completes. The ledger grain has checked its key is new.</summary>
    Task Append(string participantId, LedgerEntry entry);
}
