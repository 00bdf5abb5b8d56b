using GridActors.Grains.Deadlines;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridActors.Grains.Tests.Storage;

/// <summary>
/// The embedded case store's outboxes: kept while owed, gone once delivered, and the sweep sees only the owed. Drill
/// cases: kept out of the county's questions, and erased in bulk only when settled.
/// </summary>
public sealed class InMemoryCaseStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryEventReadModel _readModel = new();
    private readonly InMemoryCaseStore _store;

    public InMemoryCaseStoreTests() => _store = new InMemoryCaseStore(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>(),
        _readModel, new InMemoryDeadlineStore(), new GridActors.Grains.Audit.InMemoryAuditTrail(), TimeProvider.System);

    [Fact]
    public async Task Delivered_TheLastOwedOutbox_LeavesNothingForTheSweep_UntilTheNextStepOwesAgain()
    {
        await Commit("E1", 1, withOutbox: true);
        await Commit("E2", 1, withOutbox: false);
        var owedAtFirst = await _store.FindUndelivered(TimeSpan.Zero, 10);

        await _store.Delivered("E1", 1);
        var afterDelivery = await _store.FindUndelivered(TimeSpan.Zero, 10);
        var loaded = await _store.Load("E1");
        await Commit("E1", 2, withOutbox: true);

        Assert.Equal(["E1"], owedAtFirst);
        Assert.Empty(afterDelivery);
        Assert.Equal((1, 0), (loaded!.State.Version, loaded.Undelivered.Count));
        Assert.Equal([2], (await _store.Load("E1"))!.Undelivered.Select(o => o.Version));
        Assert.Equal(["E1"], await _store.FindUndelivered(TimeSpan.Zero, 10));
    }

    [Fact]
    public async Task ReadModel_DrillCases_AreInTheirDrillsQuestionsOnly()
    {
        await CommitCase("E1", EventStatus.Closed, drill: null);
        await CommitCase("E2", EventStatus.Closed, drill: "d1");
        await CommitCase("E3", EventStatus.Dispatched, drill: "d1");
        await CommitCase("E4", EventStatus.Dispatched, drill: "d2");

        var county = await _readModel.Query(new EventQuery());
        var d1 = await _readModel.Query(new EventQuery(Cases: CaseSet.OfDrill("d1")));
        var finished = await _readModel.TallyFinished(null, null, Noon.AddDays(1));
        var unfinished = await _readModel.TallyUnfinished(null, Noon.AddDays(-1), Noon);
        var drillsToday = await _readModel.SelectCurrent(Noon.AddHours(-1), CaseSet.AllDrills);

        Assert.Equal(["E1"], county.Items.Select(e => e.Id));
        Assert.Equal(["E2", "E3"], d1.Items.Select(e => e.Id).Order());
        Assert.Equal(1, finished.Values.Sum(t => t.Reported));
        Assert.Equal(1, unfinished.Values.Sum(t => t.Reported));
        Assert.Equal(["E2", "E3", "E4"], drillsToday.Select(e => e.Id).Order());
        Assert.Equal([("E2", false), ("E3", true)], (await _readModel.DrillCases("d1", 10)).Select(c => (c.Id, c.IsOpen)).Order());
    }

    [Fact]
    public async Task EraseSettled_TakesTheFinishedCasesThatOweNothing_AndLeavesTheRestForTheirGrains()
    {
        await CommitCase("E1", EventStatus.Closed, drill: "d1");
        await CommitCase("E2", EventStatus.Dispatched, drill: "d1");
        await CommitCase("E3", EventStatus.Closed, drill: "d1", owing: true);

        var erased = await _store.EraseSettled(["E1", "E2", "E3", "E9"]);

        Assert.Equal(["E1"], erased);
        Assert.Null(await _store.Load("E1"));
        Assert.Null(await _readModel.Find("E1"));
        Assert.NotNull(await _store.Load("E2"));
        Assert.NotNull(await _store.Load("E3"));
    }

    [Fact]
    public async Task Erase_RemovesTheStateTheOutboxesAndTheRow()
    {
        await CommitCase("E1", EventStatus.Dispatched, drill: "d1", owing: true);

        await _store.Erase("E1");

        Assert.Null(await _store.Load("E1"));
        Assert.Null(await _readModel.Find("E1"));
        Assert.Empty(await _store.FindUndelivered(TimeSpan.Zero, 10));
    }

    private Task Commit(string id, long version, bool withOutbox) =>
        CommitCase(id, EventStatus.Reported, drill: null, owing: withOutbox, version: version);

    private async Task CommitCase(string id, EventStatus status, string? drill, bool owing = false, long version = 1)
    {
        var finished = status is EventStatus.Closed ? Noon : (DateTimeOffset?)null;
        var row = new EventSummary(id, "fenglu-01-01", "fenglu-01", "fenglu", "hazard", "title", status, Priority.Normal,
            new Party("worker", "W0001"), null, 0, false, 0, Noon, finished, version, FinishedAt: finished, Drill: drill);
        var committed = await _store.Commit(new CaseCommit(id, version - 1, new EventState { Version = version }, row, null,
            owing ? new CaseOutbox(version, [new AssignTask("W0001")]) : null));
        Assert.True(committed);
    }
}
