namespace GridActors.Grains.Interfaces.Points;

/// <summary>One line of a ledger: what was paid or taken, when, by which rule, for what.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Points,
    [property: Id(2)] string Rule,
    [property: Id(3)] string Ref,
    [property: Id(4)] string Key,
    [property: Id(5)] string? Note = null);
