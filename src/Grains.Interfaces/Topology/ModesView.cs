using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>The county's operating modes: the city's switch, each township's own, and the log of switches.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ModesView")]
public sealed record ModesView(
    [property: Id(0)] OperatingMode City,
    [property: Id(1)] IReadOnlyDictionary<string, OperatingMode> Townships,
    [property: Id(2)] IReadOnlyList<ModeChange> History);
