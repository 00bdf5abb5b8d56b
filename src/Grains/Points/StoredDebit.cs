namespace GridActors.Grains.Points;

/// <summary>
/// What a ledger store did with a debit, and the participant's stored balance after it: the grain compares its
/// own balance with it, because a difference means another activation wrote entries this one has not seen.
/// </summary>
public sealed record StoredDebit(LedgerWrite Result, int Balance);
