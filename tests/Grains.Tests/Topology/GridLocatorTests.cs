using GridActors.Grains.Interfaces;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Topology;

public sealed class GridLocatorTests
{
    private static readonly CountyTopology County = Chengjiang.Topology;

    [Fact]
    public void Locate_EveryGridsCentroid_ResolvesToThatGrid()
    {
        foreach (var place in County.Grids)
        {
            Assert.Equal(place.Grid.Id, County.Locate(place.Grid.Centroid)?.Grid.Id);
        }
    }

    [Theory]
    [InlineData(24.67, 102.91)]
    [InlineData(24.51, 102.77)]
    [InlineData(24.85, 103.07)]
    public void Locate_PointsInsideTheCounty_FallInExactlyOneGrid(double lat, double lng)
    {
        var point = new GeoPoint(lat, lng);

        var containing = County.Grids.Where(g => GridLocator.PolygonContains(g.Grid.Polygon, point)).ToList();

        Assert.Single(containing);
        Assert.Equal(containing[0].Grid.Id, County.Locate(point)?.Grid.Id);
    }

    [Fact]
    public void Locate_APointOnASharedEdge_BelongsToExactlyOneGrid()
    {
        var grid = County.Grids.First().Grid;
        var eastEdgeMiddle = new GeoPoint(grid.Centroid.Lat, grid.Polygon.Max(p => p.Lng));

        var containing = County.Grids.Count(g => GridLocator.PolygonContains(g.Grid.Polygon, eastEdgeMiddle));

        Assert.Equal(1, containing);
        Assert.NotEqual(grid.Id, County.Locate(eastEdgeMiddle)?.Grid.Id);
    }

    [Theory]
    [InlineData(39.9, 116.4)]
    [InlineData(24.40, 102.91)]
    [InlineData(24.67, 103.20)]
    public void Locate_PointsOutsideTheCounty_ReturnNull(double lat, double lng)
    {
        Assert.Null(County.Locate(new GeoPoint(lat, lng)));
    }

    [Fact]
    public void PolygonContains_WorksForShapesOtherThanRectangles()
    {
        GeoPoint[] triangle = [new(0, 0), new(0, 4), new(4, 0)];

        Assert.True(GridLocator.PolygonContains(triangle, new GeoPoint(1, 1)));
        Assert.False(GridLocator.PolygonContains(triangle, new GeoPoint(3, 3)));
    }
}
