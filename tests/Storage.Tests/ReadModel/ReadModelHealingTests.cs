using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Silo.Postgres;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.ReadModel;

/// <summary>
/// A process that died between a case's write and its projection leaves the projection behind the state and
/// the follow-ups undone. These tests leave a case in that state by hand — the activation gone, the projection
/// (and what came before it) removed — and let the healer find it, as it does when a silo starts.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class ReadModelHealingTests(PostgresSiloFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private Task<int> Heal() => fixture.SiloServices.GetRequiredService<ReadModelHealer>().HealAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task HealAsync_ProjectionLostWithItsAward_ProjectsTheCaseAndPaysTheAwardAgain()
    {
        var citizen = $"c{Guid.NewGuid():N}";
        var id = NewId();
        var reported = (await Event(id).Report(In(Grid(20)) with { Reporter = new Party(PartyKinds.Citizen, citizen) })).Event!;
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>($"C-{citizen}");
        await fixture.Cluster.DeactivateAsync(Event(id));
        await fixture.Cluster.DeactivateAsync(ledger);
        await fixture.Database.ExecuteAsync("DELETE FROM events WHERE id = @id", ("id", id));
        await fixture.Database.ExecuteAsync("DELETE FROM ledger_entries WHERE participant_id = @ledger", ("ledger", $"C-{citizen}"));

        var healed = await Heal();
        var row = await fixture.ReadModel.Find(id, TestContext.Current.CancellationToken);
        var balance = (await ledger.GetView()).Balance;

        Assert.Equal(1, healed);
        Assert.Equal((reported.Status, reported.Version), (row?.Status, row?.Version));
        Assert.Equal(5, balance);
    }

    [Fact]
    public async Task HealAsync_ProjectionAnOlderVersion_BringsItToTheStatesVersion()
    {
        var id = NewId();
        await Event(id).Report(In(Grid(21)));
        var started = (await Event(id).Act(By(EventAction.Start))).Event!;
        await fixture.Cluster.DeactivateAsync(Event(id));
        await fixture.Database.ExecuteAsync("UPDATE events SET version = 1, status = 'Dispatched' WHERE id = @id", ("id", id));

        var healed = await Heal();
        var row = await fixture.ReadModel.Find(id, TestContext.Current.CancellationToken);

        Assert.Equal(1, healed);
        Assert.Equal((EventStatus.InProgress, started.Version), (row?.Status, row?.Version));
    }

    [Fact]
    public async Task HealAsync_EveryProjectionCurrent_ActivatesNothing()
    {
        await Event(NewId()).Report(In(Grid(22)));

        Assert.Equal(0, await Heal());
    }
}
