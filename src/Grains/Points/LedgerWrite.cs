namespace GridActors.Grains.Points;

/// <summary>What a ledger store did with an entry it was asked to keep.</summary>
public enum LedgerWrite
{
    /// <summary>The entry is stored now, and was not before.</summary>
    Inserted,

    /// <summary>An entry of that key was stored already (by this ledger or another activation of it); nothing changed.</summary>
    AlreadyThere,

    /// <summary>A debit the stored balance does not cover; nothing changed.</summary>
    Short,
}
