using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Areas;

[GenerateSerializer, Alias("GridActors.CityState")]
public sealed class CityState
{
    [Id(0)] public OperatingMode Mode { get; set; }

    [Id(1)] public Dictionary<string, OperatingMode> TownshipModes { get; set; } = [];

    [Id(2)] public List<ModeChange> History { get; set; } = [];
}
