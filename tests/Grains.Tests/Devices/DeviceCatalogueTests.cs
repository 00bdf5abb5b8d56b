using GridActors.Grains.Devices;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Tests.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Devices;

public sealed class DeviceCatalogueTests
{
    private static readonly DeviceCatalogue Devices = DeviceCatalogue.For(Chengjiang.Topology);

    [Fact]
    public void TheCounty_ShipsTheReportsVideoChannels_OperatorBuiltAndSocial()
    {
        Assert.Equal(DeviceCatalogue.BuiltCameras, Devices.All.Count(d => d.Kind == DeviceKinds.Camera));
        Assert.Equal(DeviceCatalogue.SocialCameras, Devices.All.Count(d => d.Kind == DeviceKinds.SocialCamera));
        Assert.Equal(4000, Devices.All.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void EveryDevice_LiesInsideItsGrid_AndHasAnOwner()
    {
        Assert.All(Devices.All, device =>
        {
            var grid = Chengjiang.Topology.FindGrid(device.GridId)!;
            Assert.True(GridLocator.PolygonContains(grid.Grid.Polygon, device.Location), $"{device.Id} lies outside {device.GridId}");
            Assert.False(string.IsNullOrWhiteSpace(device.Owner));
        });
        Assert.True(Devices.All.Select(d => d.GridId).Distinct().Count() > 400, "the channels are spread over the county");
    }

    [Fact]
    public void ThePlacement_IsTheSameInEveryProcess()
    {
        var again = DeviceCatalogue.For(Chengjiang.Topology);

        Assert.Equal(Devices.All, again.All);
        Assert.Equal(Devices.All[1234], Devices.Find(Devices.All[1234].Id));
    }

    [Fact]
    public void AlarmRules_MapEveryKindOfTheContract_ToACategoryOfTheCounty()
    {
        var rules = AlarmRules.LoadEmbedded(Chengjiang.Topology);

        Assert.Equal(["intrusion", "crowd", "fire", "smoke", "garbage", "illegal-parking"], rules.Kinds);
        Assert.Equal(("fire-hazard", Interfaces.Events.Priority.Critical), (rules.Find("fire")!.Category, rules.Find("fire")!.Priority));
        Assert.Null(rules.Find("meteor"));
    }
}
