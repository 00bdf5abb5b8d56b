using GridActors.Grains.Deadlines;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridActors.Grains.Tests.Storage;

/// <summary>The embedded case store's outboxes: kept while owed, gone once delivered, and the sweep sees only the owed.</summary>
public sealed class InMemoryCaseStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCaseStore _store = new(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>(),
        new InMemoryEventReadModel(), new InMemoryDeadlineStore(), TimeProvider.System);

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

    private async Task Commit(string id, long version, bool withOutbox)
    {
        var row = new EventSummary(id, "fenglu-01-01", "fenglu-01", "fenglu", "hazard", "title", EventStatus.Reported,
            Priority.Normal, new Party("worker", "W0001"), null, 0, false, 0, Noon, null, version);
        var committed = await _store.Commit(new CaseCommit(id, version - 1, new EventState { Version = version }, row, null,
            withOutbox ? new CaseOutbox(version, [new AssignTask("W0001")]) : null));
        Assert.True(committed);
    }
}
