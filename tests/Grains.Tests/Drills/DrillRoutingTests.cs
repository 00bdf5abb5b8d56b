using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Drills;

/// <summary>A drill that fills a grid's workers changes neither where a real case goes nor the load the county sees.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DrillRoutingTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    [Fact]
    public async Task ADrillFillingEveryWorker_LeavesRealRoutingAndLoadAlone_AndItsOwnCasesGoToGrabbing()
    {
        var grid = Grid(433);
        var drill = $"grains-{Guid.NewGuid():N}"[..20];
        var room = fixture.WorkerCapacity * grid.Grid.Workers.Count;
        var drillCases = new List<EventView>();
        for (var i = 0; i < room; i++)
        {
            drillCases.Add((await Event(NewId()).Report(In(grid) with { Drill = drill })).Event!);
        }

        var overflow = (await Event(NewId()).Report(In(grid) with { Drill = drill })).Event!;
        var real = (await Event(NewId()).Report(In(grid))).Event!;

        Assert.All(drillCases, c => Assert.Equal(EventStatus.Dispatched, c.Status));
        Assert.Equal(EventStatus.Grabbing, overflow.Status);
        Assert.Equal(EventStatus.Dispatched, real.Status);
        var workers = grid.Grid.Workers.Select(w => fixture.Grains.GetGrain<IWorkerGrain>(w.Id)).ToList();
        Assert.True(await Eventually.Holds(async () =>
        {
            var views = await Task.WhenAll(workers.Select(w => w.GetView()));
            return views.Sum(v => v.DrillTaskIds.Count) == room
                && views.SelectMany(v => v.OpenTaskIds).SequenceEqual([real.Id]);
        }));
        Assert.Equal(1, (await fixture.Grains.GetGrain<IGridGrain>(grid.Grid.Id).GetView()).OpenTasks);
    }

    [Fact]
    public async Task TheVillageFallback_ForADrillCase_PassesWorkersFullOfDrillTasks_AndForARealCase_DoesNot()
    {
        var village = Grid(447).Village;
        // The grid of the village's lowest worker id: with no real load anywhere, a real case's fallback picks that worker.
        var lowest = village.Grids.SelectMany(g => g.Workers).MinBy(w => w.Id, StringComparer.Ordinal)!;
        var crowded = village.Grids.First(g => g.Workers.Contains(lowest));
        var drill = $"grains-{Guid.NewGuid():N}"[..20];
        var grid = new GridActors.Grains.Topology.GridPlace(crowded, village, Grid(447).Township);
        for (var i = 0; i < fixture.WorkerCapacity * crowded.Workers.Count; i++)
        {
            await Event(NewId()).Report(In(grid) with { Drill = drill });
        }
        var fallback = fixture.Grains.GetGrain<IVillageGrain>(village.Id);

        var forDrill = await fallback.FindFallbackWorker(NewId(), drill: true);
        var forReal = await fallback.FindFallbackWorker(NewId(), drill: false);

        Assert.True(village.Grids.Count > 1);
        Assert.NotNull(forDrill);
        Assert.DoesNotContain(crowded.Workers, w => w.Id == forDrill);
        Assert.Contains(crowded.Workers, w => w.Id == forReal);
    }
}
