using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Storage.Tests.Infrastructure;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.RoundTrips;

/// <summary>
/// The whole service stopped and started again on the same database: nothing of the county lives on in memory,
/// so whatever the new cluster shows came from PostgreSQL.
/// </summary>
public sealed class ClusterRestartTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task NewCluster_OnTheSameDatabase_FindsEveryCaseWorkerLedgerAndDeadline_AndTheirListingRows()
    {
        var grid = Grid(30);
        var (open, closed, urgent) = (NewId(), NewId(), NewId());
        EventView[] before;
        WorkerView handler;
        LedgerView branch;
        await using (var first = PostgresCluster.Create(_database))
        {
            await first.DeployAsync();
            var events = first.Client;
            await events.GetGrain<IEventGrain>(open).Report(In(grid));
            await events.GetGrain<IEventGrain>(open).Act(By(EventAction.Start));
            await events.GetGrain<IEventGrain>(closed).Report(In(grid));
            foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
            {
                await events.GetGrain<IEventGrain>(closed).Act(step);
            }
            await events.GetGrain<IEventGrain>(urgent).Report(In(grid, Priority.Urgent));
            // What the cases owe workers and ledgers is delivered just after each answer; let it land first.
            await Task.WhenAll(new[] { open, closed, urgent }.Select(id => events.GetGrain<IEventGrain>(id).DeliverPending()));
            before = await Task.WhenAll(new[] { open, closed, urgent }.Select(async id => (await events.GetGrain<IEventGrain>(id).GetView())!));
            handler = await events.GetGrain<IWorkerGrain>(before[0].Assignee!.Id).GetView();
            branch = await events.GetGrain<ILedgerGrain>($"P-{grid.Grid.Id}").GetView();
            await first.StopAllSilosAsync();
        }
        await using var second = PostgresCluster.Create(_database);
        await second.DeployAsync();
        // Before anything touches the cases: a listing row is committed with its case's step, so none is behind.
        var listed = await Task.WhenAll(before.Select(view =>
            _database.ScalarAsync<long>("SELECT version FROM events WHERE id = @id", ("id", view.Id))));
        var grains = second.Client;
        var after = await Task.WhenAll(before.Select(async view => (await grains.GetGrain<IEventGrain>(view.Id).GetView())!));
        var handlerAfter = await grains.GetGrain<IWorkerGrain>(handler.Id).GetView();
        var branchAfter = await grains.GetGrain<ILedgerGrain>(branch.ParticipantId).GetView();
        var armed = await grains.GetGrain<IDeadlineGrain>(grid.Grid.Id).GetArmed();

        Assert.Equal([EventStatus.InProgress, EventStatus.Closed, EventStatus.Dispatched], after.Select(v => v.Status));
        Assert.Equal(before.Select(v => (v.Version, v.Assignee)), after.Select(v => (v.Version, v.Assignee)));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.History, pair.Second.History));
        Assert.Equal(handler.OpenTaskIds.Order(), handlerAfter.OpenTaskIds.Order());
        Assert.Equal((1, 1), (branch.Balance, branchAfter.Balance));
        Assert.Contains(armed, d => d.Target == new AlarmTarget(AlarmTarget.Event, urgent));
        Assert.Equal(before.Select(v => v.Version), listed);
    }
}
