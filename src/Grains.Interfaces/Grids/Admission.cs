using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Grids;

/// <summary>What a grid tells a new case: the mode it runs in and, when routing was asked for, who takes it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.Admission")]
public sealed record Admission([property: Id(0)] OperatingMode Mode, [property: Id(1)] RouteDecision? Route);
