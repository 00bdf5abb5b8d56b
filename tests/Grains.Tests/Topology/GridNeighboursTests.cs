using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Topology;

public sealed class GridNeighboursTests
{
    [Theory]
    [InlineData(0, 0, 1, 1, 0, 1, 1, 2, true)]     // side by side
    [InlineData(0, 0, 1, 1, 1, 0, 2, 1, true)]     // stacked
    [InlineData(0, 0, 1, 1, 1, 1, 2, 2, false)]    // corner only
    [InlineData(0, 0, 1, 1, 0, 2, 1, 3, false)]    // apart
    [InlineData(0, 0, 2, 1, 1, 1, 3, 2, true)]     // partial edge
    public void ShareAnEdge_CountsEdgesNotCorners(
        double s1, double w1, double n1, double e1, double s2, double w2, double n2, double e2, bool expected)
    {
        Assert.Equal(expected, GridNeighbours.ShareAnEdge(new Bounds(s1, w1, n1, e1), new Bounds(s2, w2, n2, e2)));
    }

    [Fact]
    public void NeighboursOf_EveryGrid_HasNeighboursAndTheRelationIsSymmetric()
    {
        var county = Chengjiang.Topology;

        foreach (var place in county.Grids)
        {
            var neighbours = county.NeighboursOf(place.Grid.Id);
            Assert.NotEmpty(neighbours);
            Assert.DoesNotContain(place.Grid.Id, neighbours);
            Assert.All(neighbours, n => Assert.Contains(place.Grid.Id, county.NeighboursOf(n)));
        }
    }

    [Fact]
    public void IsGridOrNeighbour_AcceptsTheGridItselfAndRejectsDistantGrids()
    {
        var county = Chengjiang.Topology;
        var first = county.Grids.First().Grid.Id;
        var distant = county.Grids.Last().Grid.Id;

        Assert.True(county.IsGridOrNeighbour(first, first));
        Assert.False(county.IsGridOrNeighbour(first, distant));
    }
}
