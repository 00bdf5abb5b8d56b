namespace GridActors.Grains.Interfaces.Events;

/// <summary>One step of a case's history, in the order it happened.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] EventAction Action,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note);
