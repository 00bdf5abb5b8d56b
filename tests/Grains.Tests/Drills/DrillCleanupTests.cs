using GridActors.Grains.Drills;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Drills;

/// <summary>A drill case's grain erases itself, taking back its worker's task and its shard's entry; the cleanup erases a whole drill.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DrillCleanupTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private DrillCleanup Cleanup => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<DrillCleanup>();

    private static string NewDrill() => $"grains-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Erase_AnOpenDrillCase_ReleasesItsWorker_ForgetsItsDeadline_AndAnswersNothingAfter()
    {
        var grid = Grid(430);
        var drill = NewDrill();
        var id = NewId();
        var reported = (await Event(id).Report(In(grid) with { Drill = drill })).Event!;
        var worker = fixture.Grains.GetGrain<IWorkerGrain>(reported.Assignee!.Id);
        var shard = fixture.Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id);
        Assert.True(await Eventually.Holds(async () => (await worker.GetView()).DrillTaskIds.Contains(id)
            && (await shard.GetArmed()).Any(a => a.Target.Id == id)));

        var erased = await Event(id).Erase(drill);

        Assert.True(erased);
        Assert.DoesNotContain(id, (await worker.GetView()).DrillTaskIds);
        Assert.DoesNotContain(await shard.GetArmed(), a => a.Target.Id == id);
        Assert.Null(await Event(id).GetView());
        Assert.Equal(ActionResult.NotFound, (await Event(id).Act(By(EventAction.Start))).Result);
        Assert.Null(await fixture.ReadModel.Find(id));
        Assert.False(await Event(id).Erase(drill));
    }

    [Fact]
    public async Task Erase_ACountyCaseOrAnotherDrillsCase_ChangesNothing()
    {
        var grid = Grid(431);
        var county = NewId();
        var other = NewId();
        await Event(county).Report(In(grid));
        await Event(other).Report(In(grid) with { Drill = NewDrill() });

        var erasedCounty = await Event(county).Erase(NewDrill());
        var erasedOther = await Event(other).Erase(NewDrill());

        Assert.Equal((false, false), (erasedCounty, erasedOther));
        Assert.NotNull(await Event(county).GetView());
        Assert.NotNull(await Event(other).GetView());
    }

    [Fact]
    public async Task Erase_AWholeDrill_CountsItsCasesOnce_AndASecondRunFindsNone()
    {
        var grid = Grid(432);
        var drill = NewDrill();
        var ids = Enumerable.Range(0, 12).Select(_ => NewId()).ToList();
        foreach (var id in ids)
        {
            await Event(id).Report(In(grid) with { Drill = drill });
        }
        foreach (var id in ids.Take(6))
        {
            foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
            {
                Assert.Equal(ActionResult.Done, (await Event(id).Act(step)).Result);
            }
        }

        var erased = await Cleanup.Erase(drill, TestContext.Current.CancellationToken);
        var again = await Cleanup.Erase(drill, TestContext.Current.CancellationToken);

        Assert.Equal((12, 0), (erased, again));
        foreach (var id in ids)
        {
            Assert.Null(await Event(id).GetView());
        }
    }
}
