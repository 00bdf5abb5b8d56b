using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Sla;

[Collection(ClusterCollection.Name)]
public sealed class DeadlineGrainTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    /// <summary>Moves the county's clock on and lets the grid's shard look at its deadlines, as its timer would.</summary>
    private async Task Pass(TimeSpan time, string gridId)
    {
        ClusterFixture.Time.Advance(time);
        await fixture.Grains.GetGrain<IDeadlineGrain>(gridId).Tick();
    }

    private async Task<EventView> After(string id, Func<EventView, bool> condition)
    {
        await Eventually.Holds(async () => condition((await Event(id).GetView())!));
        return (await Event(id).GetView())!;
    }

    [Fact]
    public async Task UntouchedUrgentCase_WarnsBreachesAndClimbsToTheCity()
    {
        var grid = Grid(200);
        var id = NewId();
        var reported = (await Event(id).Report(In(grid) with { Priority = Priority.Urgent })).Event!;
        var handle = reported.Deadlines.Single(d => d.Stage == "handle");

        await Pass(TimeSpan.FromHours(2.1), grid.Grid.Id);
        var warned = await After(id, v => v.History.Any(h => h.Action == EventAction.Warning));
        await Pass(TimeSpan.FromHours(2), grid.Grid.Id);
        var breached = await After(id, v => v.Overdue);
        await Pass(TimeSpan.FromHours(4), grid.Grid.Id);
        var township = await After(id, v => v.EscalationLevel == 2);
        await Pass(TimeSpan.FromHours(4), grid.Grid.Id);
        var city = await After(id, v => v.EscalationLevel == 3);

        Assert.Equal(reported.ReportedAt + TimeSpan.FromHours(4), handle.DueAt);
        Assert.False(warned.Overdue);
        Assert.Equal(1, breached.EscalationLevel);
        Assert.Contains(breached.History, h => h.Action == EventAction.Supervise && h.Actor == "system:gridactors");
        Assert.Equal(2, township.SupervisionCount);
        Assert.Equal(3, city.SupervisionCount);
        var handlerLedger = await fixture.Grains.GetGrain<Interfaces.Points.ILedgerGrain>(reported.Assignee!.Id).GetView();
        Assert.Single(handlerLedger.Entries, e => e.Rule == "stage-overdue" && e.Ref == id && e.Points == -2);
    }

    [Fact]
    public async Task ArmedDeadline_SurvivesTheCaseAndTheShardBeingDeactivated()
    {
        var grid = Grid(202);
        var id = NewId();
        await Event(id).Report(In(grid) with { Priority = Priority.Critical });
        var shard = fixture.Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id);

        await fixture.Cluster.DeactivateAsync(Event(id));
        await fixture.Cluster.DeactivateAsync(shard);
        await Pass(TimeSpan.FromHours(2.5), grid.Grid.Id);
        var breached = await After(id, v => v.Overdue);

        Assert.True(breached.Overdue);
        Assert.Equal(1, breached.EscalationLevel);
    }

    [Fact]
    public async Task Extension_MovesTheBreach()
    {
        var grid = Grid(203);
        var id = NewId();
        await Event(id).Report(In(grid) with { Priority = Priority.Urgent });

        await Event(id).Act(By(EventAction.Extend) with { Hours = 3 });
        await Pass(TimeSpan.FromHours(4.5), grid.Grid.Id);
        await Task.Delay(300);
        var notYet = (await Event(id).GetView())!;
        await Pass(TimeSpan.FromHours(3), grid.Grid.Id);
        var late = await After(id, v => v.Overdue);

        Assert.False(notYet.Overdue);
        Assert.True(late.Overdue);
    }

    [Fact]
    public async Task Resolving_StopsTheHandlingClock_AndClosingDisarmsTheShard()
    {
        var grid = Grid(204);
        var id = NewId();
        await Event(id).Report(In(grid) with { Priority = Priority.Urgent });
        var shard = fixture.Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id);

        await Event(id).Act(By(EventAction.Start));
        await Event(id).Act(By(EventAction.Resolve));
        var afterResolve = (await Event(id).GetView())!;
        await Event(id).Act(By(EventAction.Verify, passed: true));
        // The shard learns of the close from the case's outbox, delivered just after the answer.
        await Event(id).DeliverPending();
        var armed = await shard.GetArmed();

        Assert.Equal(["verify", "whole"], afterResolve.Deadlines.Select(d => d.Stage));
        Assert.DoesNotContain(armed, d => d.Target.Id == id);
    }
}
