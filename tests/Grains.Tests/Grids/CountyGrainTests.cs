using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Grids;

[Collection(ClusterCollection.Name)]
public sealed class CountyGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CityOpen_ActivatesTheWholeCounty()
    {
        var counts = await fixture.Grains.GetGrain<ICityGrain>(Chengjiang.Topology.City.Id).Open();

        Assert.Equal(new CountyCounts(6, 47, 448, 1318), counts);
    }

    [Fact]
    public async Task TownshipOpen_CountsOnlyItsOwnPart()
    {
        var township = Chengjiang.Topology.Document.Townships[2];

        var counts = await fixture.Grains.GetGrain<ITownshipGrain>(township.Id).Open();

        Assert.Equal(1, counts.Townships);
        Assert.Equal(township.Villages.Count, counts.Villages);
        Assert.Equal(township.Villages.Sum(v => v.Grids.Count), counts.Grids);
        Assert.Equal(township.Villages.Sum(v => v.Grids.Sum(g => g.Workers.Count)), counts.Workers);
    }

    [Fact]
    public async Task GridGetView_DescribesTheGridFromTheTopology()
    {
        var place = Chengjiang.Topology.Grids.ElementAt(20);

        var view = await fixture.Grains.GetGrain<IGridGrain>(place.Grid.Id).GetView();

        Assert.Equal(place.Grid.Name, view.Name);
        Assert.Equal(place.Village.Id, view.VillageId);
        Assert.Equal(place.Township.Id, view.TownshipId);
        Assert.Equal(place.Grid.Centroid, view.Centroid);
        Assert.Equal(place.Grid.Workers.Select(w => w.Id), view.WorkerIds);
        Assert.Equal(place.Grid.Workers[0].Id, view.HeadWorkerId);
    }

    [Fact]
    public async Task GridGetView_UnknownGrid_FailsWithUnknownPlace()
    {
        await Assert.ThrowsAsync<UnknownPlaceException>(() => fixture.Grains.GetGrain<IGridGrain>("no-such-grid").GetView());
    }
}
