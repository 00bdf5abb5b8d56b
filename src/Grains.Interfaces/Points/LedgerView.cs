namespace GridActors.Grains.Interfaces.Points;

[GenerateSerializer, Immutable, Alias("GridActors.LedgerView")]
public sealed record LedgerView(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] int Balance,
    [property: Id(2)] IReadOnlyList<LedgerEntry> Entries);
