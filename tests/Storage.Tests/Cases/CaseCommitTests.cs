using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Silo.Hosting;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.Cases;

/// <summary>
/// One step, one commit, on a real PostgreSQL: the case's state, its read-model row, its deadline entry and its
/// outbox land together; a step that lost its version race leaves none of them; and an outbox that a crash left
/// undelivered is delivered by the sweeper, once.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class CaseCommitTests(PostgresSiloFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private ICaseStore Store => fixture.SiloServices.GetRequiredService<ICaseStore>();

    [Fact]
    public async Task Report_StateRowAndDeadline_AreCommittedTogether_AndTheOutboxIsDeliveredAway()
    {
        var id = NewId();
        var reported = (await Event(id).Report(In(Grid(30)))).Event!;

        var state = await fixture.Database.ScalarAsync<long>("SELECT version FROM cases WHERE id = @id", ("id", id));
        var row = await fixture.Database.ScalarAsync<long>("SELECT version FROM events WHERE id = @id", ("id", id));
        var deadlines = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM deadline_entries WHERE target_kind = 'event' AND target_id = @id", ("id", id));
        var outboxes = await Eventually.Until(
            () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM case_outbox WHERE case_id = @id", ("id", id)), n => n == 0);

        Assert.Equal((reported.Version, reported.Version, 1L), (state, row, deadlines));
        Assert.Equal(0, outboxes);
    }

    [Fact]
    public async Task Commit_AtAVersionThatMovedOn_StoresNothing()
    {
        var id = NewId();
        await Event(id).Report(In(Grid(31)));
        var started = (await Event(id).Act(By(EventAction.Start))).Event!;
        var stored = (await Store.Load(id))!.State;

        var committed = await Store.Commit(new CaseCommit(id, ExpectedVersion: started.Version - 1, stored,
            CaseViews.Summary(id, stored) with { Status = EventStatus.Cancelled, Version = 99 },
            Deadline: null, new CaseOutbox(99, [new PayAward(new PointsAward("C-nobody", 5, "rule", id, "k"))])));
        var row = await fixture.ReadModel.Find(id, TestContext.Current.CancellationToken);
        var outboxes = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM case_outbox WHERE case_id = @id AND version = 99", ("id", id));

        Assert.False(committed);
        Assert.Equal((EventStatus.InProgress, started.Version), (row!.Status, row.Version));
        Assert.Equal(0, outboxes);
    }

    [Fact]
    public async Task Sweep_OutboxACrashLeftUndelivered_IsDeliveredOnce()
    {
        var citizen = $"c{Guid.NewGuid():N}";
        var id = NewId();
        var reported = (await Event(id).Report(In(Grid(32)) with { Reporter = new Party(PartyKinds.Citizen, citizen) })).Event!;
        var worker = reported.Assignee!.Id;
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>($"C-{citizen}");
        // The report's award follows its answer: wait until it is paid, or the check below races its delivery.
        var paid = (await Eventually.Until(() => ledger.GetView(), view => view.Balance > 0)).Balance;
        // As if the silo died between the commit and the delivery: the ledger and the worker never heard.
        await fixture.Cluster.DeactivateAsync(Event(id));
        await fixture.Cluster.DeactivateAsync(ledger);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IWorkerGrain>(worker));
        await fixture.Database.ExecuteAsync("DELETE FROM ledger_entries WHERE participant_id = @ledger", ("ledger", $"C-{citizen}"));
        await fixture.Grains.GetGrain<IWorkerGrain>(worker).ReleaseTask(id);
        await ReinsertOutbox(id, reported.Version, new AssignTask(worker),
            new PayAward(new PointsAward($"C-{citizen}", paid, "citizen-report-accepted", id, $"citizen-report-accepted:{id}")));

        var sweeper = fixture.SiloServices.GetRequiredService<OutboxSweeper>();
        // The silo's own sweeper may get there first; either way the case delivers exactly once.
        await sweeper.SweepAsync(TestContext.Current.CancellationToken);
        var balance = (await ledger.GetView()).Balance;
        var tasks = (await fixture.Grains.GetGrain<IWorkerGrain>(worker).GetView()).OpenTaskIds;
        var left = await Eventually.Until(
            () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM case_outbox WHERE case_id = @id", ("id", id)), n => n == 0);
        var entries = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE participant_id = @ledger", ("ledger", $"C-{citizen}"));

        Assert.Equal(paid, balance);
        Assert.Contains(id, tasks);
        Assert.Equal(0, left);
        Assert.Equal(1, entries);
    }

    private async Task ReinsertOutbox(string id, long version, params CaseEffect[] effects)
    {
        var serializer = fixture.SiloServices.GetRequiredService<IGrainStorageSerializer>();
        var payload = serializer.Serialize(new CaseOutbox(version, effects)).ToArray();
        await fixture.Database.ExecuteAsync("""
            INSERT INTO case_outbox (case_id, version, effects, written_at) VALUES (@id, @version, @effects, now() - interval '1 minute')
            ON CONFLICT (case_id, version) DO UPDATE SET effects = excluded.effects, written_at = excluded.written_at
            """, ("id", id), ("version", version), ("effects", payload));
    }
}
