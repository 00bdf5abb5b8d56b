using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>A township's own switch, the mode in force there and whose switch put it in force.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.TownshipMode")]
public sealed record TownshipMode(
    [property: Id(0)] OperatingMode Own,
    [property: Id(1)] OperatingMode Effective,
    [property: Id(2)] ModeSource Source)
{
    /// <summary>The city's emergency overrides every township; in routine each township runs by its own switch.</summary>
    public static TownshipMode Of(OperatingMode city, OperatingMode own) =>
        city == OperatingMode.Emergency
            ? new(own, OperatingMode.Emergency, ModeSource.City)
            : new(own, own, ModeSource.Township);
}
