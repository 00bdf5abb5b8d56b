using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>
/// One switch between routine and emergency operation, for the city or one township: <c>actor</c> is the
/// caller's party (<c>township:fenglu</c>), <c>subject</c> the token's subject when it names one, and
/// <c>reason</c> what the operator gave, if anything.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ModeChange")]
public sealed record ModeChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Scope,
    [property: Id(2)] OperatingMode Mode,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Subject = null,
    [property: Id(5)] string? Reason = null);
