using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Api.Hubs.Messages;

/// <summary>The city's switch and the mode in force in each township, without the log.</summary>
public sealed record CountyModes(OperatingMode City, IReadOnlyDictionary<string, OperatingMode> Townships)
{
    public static CountyModes From(ModesView view) => new(view.City, view.Townships);
}
