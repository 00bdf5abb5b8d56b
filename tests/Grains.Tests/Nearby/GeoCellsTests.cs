using GridActors.Grains.Interfaces;
using GridActors.Grains.Nearby;

namespace GridActors.Grains.Tests.Nearby;

public sealed class GeoCellsTests
{
    private static readonly GeoPoint Chengjiang = new(24.6701, 102.9085);

    [Fact]
    public void Meters_MatchTheGroundDistance_NorthAndEast()
    {
        var north = new GeoPoint(Chengjiang.Lat + 0.001, Chengjiang.Lng);
        var east = new GeoPoint(Chengjiang.Lat, Chengjiang.Lng + 0.001);

        Assert.InRange(GeoCells.Meters(Chengjiang, north), 110.5, 111.8);
        Assert.InRange(GeoCells.Meters(Chengjiang, east), 100.5, 101.5);
        Assert.Equal(0, GeoCells.Meters(Chengjiang, Chengjiang));
    }

    [Fact]
    public void KeysAround_CoverEveryPointWithinTheRadius()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bearing = random.NextDouble() * 2 * Math.PI;
            var metres = random.NextDouble() * 50;
            var point = new GeoPoint(
                Chengjiang.Lat + metres * Math.Cos(bearing) / 111_195,
                Chengjiang.Lng + metres * Math.Sin(bearing) / (111_195 * Math.Cos(Chengjiang.Lat * Math.PI / 180)));

            Assert.Contains(GeoCells.KeyOf(point), GeoCells.KeysAround(Chengjiang, 50));
        }
    }

    [Fact]
    public void KeysAround_AreFewForTheDefaultRadius_AndGrowOnlyWithTheRadius()
    {
        Assert.InRange(GeoCells.KeysAround(Chengjiang, 50).Count, 1, 4);
        Assert.InRange(GeoCells.KeysAround(Chengjiang, 500).Count, 81, 144);
    }
}
