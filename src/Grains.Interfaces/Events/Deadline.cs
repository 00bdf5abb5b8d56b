namespace GridActors.Grains.Interfaces.Events;

/// <summary>When a stage of a case is due.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.Deadline")]
public sealed record Deadline([property: Id(0)] string Stage, [property: Id(1)] DateTimeOffset DueAt);
