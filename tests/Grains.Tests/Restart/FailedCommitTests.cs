using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using GridActors.Grains.Deadlines;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A step whose commit failed was not acknowledged, so it leaves no trace: not in storage, not in the grain's
/// memory (the case is read back without being deactivated first), not in a worker's tasks or a shard; and the
/// caller's retry applies it once. A cluster of its own, since its stores fail on demand.
/// </summary>
public sealed class FailedCommitTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            silo.Services.AddSingleton<IDeadlineStore>(new FailingDeadlineStore(new InMemoryDeadlineStore()));
            silo.Services.AddSingleton<ICaseStore>(sp => new FailingCaseStore(ActivatorUtilities.CreateInstance<InMemoryCaseStore>(sp)));
            silo.Services.Configure<DispatchOptions>(options => options.GrabWindow = TimeSpan.FromHours(1));
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Report_DeadlineStoreFails_LeavesNoCase_AndTheRetryFilesItOnce()
    {
        var grid = Grid(262);
        var id = NewId();
        var grain = Grains.GetGrain<IEventGrain>(id);

        FailingDeadlineStore.FailNextChange();
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Report(In(grid)));
        var afterFailure = await grain.GetView();
        var retried = await grain.Report(In(grid));
        // The shard hears of the new deadline from the case's outbox, delivered just after the answer.
        await grain.DeliverPending();
        var armed = await Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id).GetArmed();

        Assert.Null(afterFailure);
        Assert.Equal(ReportResult.Created, retried.Result);
        Assert.Single(retried.Event!.History, h => h.Action == EventAction.Report);
        Assert.Single(armed, d => d.Target.Id == id);
    }

    [Fact]
    public async Task Resolve_CommitFails_LeavesTheCaseAsStored_AndTheRetryAppliesOnce()
    {
        var id = NewId();
        var grain = Grains.GetGrain<IEventGrain>(id);
        await grain.Report(In(Grid(263)));
        var started = (await grain.Act(By(EventAction.Start))).Event!;

        FailingCaseStore.FailNextCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Act(By(EventAction.Resolve)));
        var afterFailure = (await grain.GetView())!;
        var retried = await grain.Act(By(EventAction.Resolve));
        var afterRetry = (await grain.GetView())!;

        Assert.Equal((EventStatus.InProgress, started.Version), (afterFailure.Status, afterFailure.Version));
        Assert.Equal(ActionResult.Done, retried.Result);
        Assert.Equal((EventStatus.Resolved, started.Version + 1), (afterRetry.Status, afterRetry.Version));
        Assert.Single(afterRetry.History, h => h.Action == EventAction.Resolve);
    }

    [Fact]
    public async Task Grab_CommitFails_LeavesTheCaseOpenForGrabbing_AndTheWorkerWithoutIt()
    {
        var grid = Grid(264);
        var worker = grid.Grid.Workers[0].Id;
        var id = NewId();
        var grain = Grains.GetGrain<IEventGrain>(id);
        await grain.Report(In(grid));
        await grain.Act(By(EventAction.Dispatch, grabMode: true));

        FailingCaseStore.FailNextCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Act(By(EventAction.Grab, workerId: worker)));
        var afterFailure = (await grain.GetView())!;
        var tasks = (await Grains.GetGrain<IWorkerGrain>(worker).GetView()).OpenTaskIds;
        var retried = await grain.Act(By(EventAction.Grab, workerId: worker));

        Assert.Equal(EventStatus.Grabbing, afterFailure.Status);
        Assert.Null(afterFailure.Assignee);
        Assert.DoesNotContain(id, tasks);
        Assert.Equal(ActionResult.Done, retried.Result);
        Assert.Equal(new Party(PartyKinds.Worker, worker), retried.Event!.Assignee);
    }
}
