using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Topology;

/// <summary>The shipped county, loaded once for the pure tests.</summary>
public static class Chengjiang
{
    public static CountyTopology Topology { get; } = CountyTopology.LoadEmbedded();
}
