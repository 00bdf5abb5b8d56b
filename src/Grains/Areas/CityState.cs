using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Areas;

/// <summary>
/// Never changed in place: <see cref="CityModes"/> makes each next state as a copy with its own collections,
/// and it stands once written. The collections keep their types so that stored states still read.
/// </summary>
[GenerateSerializer, Alias("GridActors.CityState")]
public sealed record CityState
{
    [Id(0)] public OperatingMode Mode { get; init; }

    [Id(1)] public Dictionary<string, OperatingMode> TownshipModes { get; init; } = [];

    [Id(2)] public List<ModeChange> History { get; init; } = [];
}
