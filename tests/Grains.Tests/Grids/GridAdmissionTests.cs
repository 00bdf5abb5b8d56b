using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Grids;

[Collection(ClusterCollection.Name)]
public sealed class GridAdmissionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Admit_AWorkersReportWithoutTheCasesChosenSince_StillCountsThem_SoABurstStopsAtCapacity()
    {
        // Admission alone, with no case ever reaching a worker: every worker then reports a load of nothing.
        var place = Grid(434);
        var grid = fixture.Grains.GetGrain<IGridGrain>(place.Grid.Id);
        var room = fixture.WorkerCapacity * place.Grid.Workers.Count;
        var admitted = new List<Admission>();
        for (var i = 0; i < room; i++)
        {
            admitted.Add(await grid.Admit(NewId(), "hazard", route: true, drill: false));
        }
        foreach (var worker in place.Grid.Workers)
        {
            await grid.WorkerStatusChanged(await fixture.Grains.GetGrain<IWorkerGrain>(worker.Id).GetStatus());
        }

        var overflow = await grid.Admit(NewId(), "hazard", route: true, drill: false);

        Assert.All(admitted, a => Assert.Equal(RouteKind.Worker, a.Route!.Kind));
        Assert.Equal(RouteKind.Grab, overflow.Route!.Kind);
    }
}
