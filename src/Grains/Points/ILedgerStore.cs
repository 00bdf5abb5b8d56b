using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// Where ledgers keep their entries: append-only, one row per entry, so paying costs the same on a
/// participant's thousandth entry as on its first. (Rewriting a whole ledger on every credit made closing
/// cases slower as the party branches' ledgers grew.) The balance is the sum of the entries, and the store,
/// not a grain's memory, is what decides: two activations of one ledger (a silo that lost its membership but
/// not yet its grains) both write here, and an entry key is unique per participant.
/// </summary>
public interface ILedgerStore
{
    /// <summary>
    /// What a ledger grain holds of the participant (<see cref="LedgerSummary.Of"/> states the rule): the sums,
    /// and the newest <paramref name="recent"/> entries.
    /// </summary>
    Task<LedgerSummary> LoadSummary(string participantId, int recent);

    /// <summary>The participant's whole ledger in the order it was stored: for audits, never loaded by a grain.</summary>
    Task<IReadOnlyList<LedgerEntry>> Load(string participantId);

    /// <summary>
    /// Stores the entry unless one of its key is there already; durable when it completes. Answers
    /// <see cref="LedgerWrite.Inserted"/> or <see cref="LedgerWrite.AlreadyThere"/>.
    /// </summary>
    Task<LedgerWrite> Append(string participantId, LedgerEntry entry);

    /// <summary>
    /// Stores a debit (an entry of negative points) only if its key is new and the participant's stored balance
    /// covers it (<see cref="LedgerRules.Covers"/>), checked and written as one step that no other writer of that
    /// participant's debits can interleave with, on this silo or another.
    /// </summary>
    Task<StoredDebit> AppendIfCovered(string participantId, LedgerEntry debit);

    /// <summary>
    /// Erases every entry of the drill's ledgers (<see cref="ParticipantIds.InDrill"/>), the last step of its cleanup;
    /// returns how many went. The county's own ledgers are never touched.
    /// </summary>
    Task<int> EraseDrill(string drill);
}
