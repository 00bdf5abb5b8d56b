using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>One switch between routine and emergency operation, for the city or one township.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ModeChange")]
public sealed record ModeChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Scope,
    [property: Id(2)] OperatingMode Mode,
    [property: Id(3)] string Actor);
