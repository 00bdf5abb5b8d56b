using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Workers;

[Collection(ClusterCollection.Name)]
public sealed class WorkerGrainTests(ClusterFixture fixture)
{
    // Every test takes its own grid's workers, so no test sees another's duty changes.
    private static WorkerNode WorkerOfGrid(int gridIndex) => Chengjiang.Topology.Grids.ElementAt(gridIndex).Grid.Workers[^1];

    [Fact]
    public async Task GetView_NewWorker_IsOnDutyWithItsPlaceFromTheTopology()
    {
        var node = WorkerOfGrid(10);
        var place = Chengjiang.Topology.FindWorker(node.Id)!;

        var view = await fixture.Grains.GetGrain<IWorkerGrain>(node.Id).GetView();

        Assert.True(view.OnDuty);
        Assert.Null(view.DutyChangedAt);
        Assert.Equal(node.Name, view.Name);
        Assert.Equal(place.Home.Grid.Id, view.GridId);
        Assert.Equal(place.Home.Township.Id, view.TownshipId);
        Assert.Empty(view.OpenTaskIds);
    }

    [Fact]
    public async Task SetDuty_Off_SurvivesDeactivation()
    {
        var worker = fixture.Grains.GetGrain<IWorkerGrain>(WorkerOfGrid(11).Id);

        await worker.SetDuty(false);
        await fixture.Cluster.DeactivateAsync(worker);
        var view = await worker.GetView();

        Assert.False(view.OnDuty);
        Assert.NotNull(view.DutyChangedAt);
    }

    [Fact]
    public async Task SetDuty_SameValueTwice_ChangesNothing()
    {
        var worker = fixture.Grains.GetGrain<IWorkerGrain>(WorkerOfGrid(12).Id);
        await worker.SetDuty(false);
        var before = await worker.GetStatus();

        await worker.SetDuty(false);
        var after = await worker.GetStatus();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task SetDuty_Off_RemovesTheWorkerFromItsGridsOnDutyList()
    {
        var node = WorkerOfGrid(13);
        var grid = fixture.Grains.GetGrain<IGridGrain>(Chengjiang.Topology.FindWorker(node.Id)!.Home.Grid.Id);
        Assert.Contains(node.Id, (await grid.GetView()).OnDutyWorkerIds);

        await fixture.Grains.GetGrain<IWorkerGrain>(node.Id).SetDuty(false);

        // The worker tells its grid one-way, so the grid hears of it shortly after the call returns.
        var offDuty = await Eventually.Holds(async () => !(await grid.GetView()).OnDutyWorkerIds.Contains(node.Id));
        Assert.True(offDuty);
    }

    [Fact]
    public async Task Grid_ReactivatedAfterADutyChange_RebuildsItsRosterFromTheWorkers()
    {
        var node = WorkerOfGrid(14);
        var grid = fixture.Grains.GetGrain<IGridGrain>(Chengjiang.Topology.FindWorker(node.Id)!.Home.Grid.Id);
        await fixture.Grains.GetGrain<IWorkerGrain>(node.Id).SetDuty(false);

        await fixture.Cluster.DeactivateAsync(grid);
        var view = await grid.GetView();

        Assert.DoesNotContain(node.Id, view.OnDutyWorkerIds);
        Assert.Contains(node.Id, view.WorkerIds);
    }

    [Fact]
    public async Task GetView_UnknownWorker_FailsWithUnknownPlace()
    {
        var worker = fixture.Grains.GetGrain<IWorkerGrain>("W9999");

        await Assert.ThrowsAsync<UnknownPlaceException>(() => worker.GetView());
    }
}
