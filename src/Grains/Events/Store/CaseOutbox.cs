namespace GridActors.Grains.Events.Store;

/// <summary>The effects of the step that brought the case to <see cref="Version"/>, in the order they are delivered.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseOutbox")]
public sealed record CaseOutbox(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<CaseEffect> Effects);
