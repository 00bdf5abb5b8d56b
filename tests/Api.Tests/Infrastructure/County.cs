using GridActors.Grains.Topology;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>Places of the shipped county that the tests pick their subjects from.</summary>
public static class County
{
    public static CountyTopology Topology { get; } = CountyTopology.LoadEmbedded();

    public static TownshipNode Township(int index) => Topology.Document.Townships[index];

    public static GridPlace GridOf(int townshipIndex, int gridIndex = 0) =>
        Topology.Grids.Where(g => g.Township.Id == Township(townshipIndex).Id).ElementAt(gridIndex);
}
