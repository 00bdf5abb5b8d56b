using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Visits;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.ReadModel;
using GridActors.Storage.Tests.Infrastructure;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.RoundTrips;

/// <summary>
/// Each kind of state a silo keeps in PostgreSQL, written through the grains, dropped from memory by
/// deactivation and read back from the database.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class GrainStateRoundTripTests(PostgresSiloFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    [Fact]
    public async Task Event_ReportedAndStarted_ComesBackFromTheDatabaseWithItsStatusAndHistory()
    {
        var id = NewId();
        var reported = (await Event(id).Report(In(Grid(10)))).Event!;
        await Event(id).Act(By(EventAction.Start));
        var started = (await Event(id).GetView())!;

        await fixture.Cluster.DeactivateAsync(Event(id));
        var reloaded = (await Event(id).GetView())!;
        var stored = await fixture.Database.ScalarAsync<long>(
            "SELECT version FROM cases WHERE id = @id", ("id", id));

        Assert.Equal(EventStatus.InProgress, reloaded.Status);
        Assert.Equal(reported.Report, reloaded.Report);
        Assert.Equal((started.Assignee, started.Version, started.ReportedAt), (reloaded.Assignee, reloaded.Version, reloaded.ReportedAt));
        Assert.Equal(started.History, reloaded.History);
        Assert.Equal(started.Version, stored);
    }

    [Fact]
    public async Task Worker_OffDutyWithATask_ComesBackFromGroupCommitStorage()
    {
        var grid = Grid(11);
        var id = NewId();
        var assignee = (await Event(id).Report(In(grid))).Event!.Assignee!.Id;
        await Event(id).DeliverPending();
        var worker = fixture.Grains.GetGrain<IWorkerGrain>(assignee);
        var offDuty = await worker.SetDuty(false);

        await fixture.Cluster.DeactivateAsync(worker);
        var reloaded = await worker.GetView();
        var rows = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM batched_grain_state WHERE state_name = 'worker' AND grain_key = @id", ("id", assignee));

        Assert.False(reloaded.OnDuty);
        Assert.Equal(offDuty.DutyChangedAt, reloaded.DutyChangedAt);
        Assert.Equal([id], reloaded.OpenTaskIds);
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task KeyPersonRegister_ComesBackFromTheAdoNetProvider()
    {
        var grid = Grid(14);
        var register = fixture.Grains.GetGrain<IVisitRegisterGrain>(grid.Grid.Id);
        var firstVisit = DateTimeOffset.UtcNow.AddYears(5);
        var registered = await register.Register(new KeyPersonDraft(
            new PersonInfo("Li Wei", "13800000000", null), "petition", [new VisitPlan(VisitKind.Home, 30, firstVisit)], "city:chengjiang"));

        await fixture.Cluster.DeactivateAsync(register);
        var reloaded = Assert.Single(await register.List());
        var rows = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_type = 'visits' AND grain_id_extension = @grid", ("grid", grid.Grid.Id));

        Assert.Equal((registered.Id, registered.Person, registered.RegisteredAt), (reloaded.Id, reloaded.Person, reloaded.RegisteredAt));
        Assert.Equal(registered.Visits, reloaded.Visits);
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Ledger_Credits_ComeBackFromTheLedgerTableAndAreNotPaidTwice()
    {
        var participant = $"C-{Guid.NewGuid():N}";
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(participant);
        var award = new PointsAward(participant, 5, "citizen-report-accepted", "E1", "citizen-report-accepted:E1");
        await ledger.Credit(award);
        await ledger.Credit(new PointsAward(participant, 3, "closed-on-time", "E2", "closed-on-time:E2"));
        var before = await ledger.GetView();

        await fixture.Cluster.DeactivateAsync(ledger);
        var reloaded = await ledger.GetView();
        var afterRepeat = await ledger.Credit(award);

        Assert.Equal(8, reloaded.Balance);
        Assert.Equal(before.Entries.Select(e => e with { At = Timestamps.ToMicroseconds(e.At) }), reloaded.Entries);
        Assert.Equal(8, afterRepeat);
    }

    [Fact]
    public async Task ReadModel_ListsTheEventAtItsLatestVersion()
    {
        var grid = Grid(12);
        var id = NewId();
        await Event(id).Report(In(grid));
        var started = (await Event(id).Act(By(EventAction.Start))).Event!;

        var page = await fixture.ReadModel.Query(new EventQuery(GridId: grid.Grid.Id), TestContext.Current.CancellationToken);
        var found = await fixture.ReadModel.Find(id, TestContext.Current.CancellationToken);

        var listed = Assert.Single(page.Items, e => e.Id == id);
        Assert.Equal((EventStatus.InProgress, started.Version, started.Assignee), (listed.Status, listed.Version, listed.Assignee));
        Assert.Equal(listed, found);
    }

    [Fact]
    public async Task Deadlines_ArmedByAnUrgentReport_LoadBackIntoAReactivatedShard()
    {
        var grid = Grid(13);
        var id = NewId();
        await Event(id).Report(In(grid, Priority.Urgent));
        var shard = fixture.Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id);
        var armed = Assert.Single(await shard.GetArmed(), d => d.Target == new AlarmTarget(AlarmTarget.Event, id));

        await fixture.Cluster.DeactivateAsync(shard);
        var reloaded = await shard.GetArmed();
        var watchdogs = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE @shard AND reminder_name = 'deadline-watchdog'",
            ("shard", $"%{grid.Grid.Id}"));

        Assert.Contains(armed with { DueAt = Timestamps.ToMicroseconds(armed.DueAt) }, reloaded);
        Assert.Equal(1, watchdogs);
    }
}
