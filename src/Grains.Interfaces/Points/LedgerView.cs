namespace GridActors.Grains.Interfaces.Points;

/// <summary>A ledger as its owner reads it: the balance, the newest 100 entries (newest first) and how many entries it has in all.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.LedgerView")]
public sealed record LedgerView(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] int Balance,
    [property: Id(2)] IReadOnlyList<LedgerEntry> Entries,
    [property: Id(3)] int EntryCount);
