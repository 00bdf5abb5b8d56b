using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Points;

[Collection(ClusterCollection.Name)]
public sealed class LedgerGrainTests(ClusterFixture fixture)
{
    private ILedgerGrain Ledger(string id) => fixture.Grains.GetGrain<ILedgerGrain>(id);

    private static string NewCitizen() => $"C-{Guid.NewGuid():N}";

    [Fact]
    public async Task Credit_ConcurrentDuplicates_PayOnce()
    {
        var ledger = Ledger(NewCitizen());
        var award = new PointsAward(ledger.GetPrimaryKeyString(), 5, "citizen-report-accepted", "E1", "citizen-report-accepted:E1");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ledger.Credit(award)));
        var view = await ledger.GetView();

        Assert.Equal(5, view.Balance);
        Assert.Single(view.Entries);
    }

    [Fact]
    public async Task Redeem_ManyParallelRequests_NeverOverdraw()
    {
        var ledger = Ledger(NewCitizen());
        await ledger.Credit(new PointsAward(ledger.GetPrimaryKeyString(), 100, "grant", "test", "grant:1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => ledger.Redeem($"r{i}", "towel-set", 20)));
        var view = await ledger.GetView();

        Assert.Equal(5, outcomes.Count(o => o.Result == RedeemResult.Redeemed));
        Assert.Equal(25, outcomes.Count(o => o.Result == RedeemResult.Short));
        Assert.Equal(0, view.Balance);
    }

    [Fact]
    public async Task Redeem_SameRequestTwice_RedeemsOnce()
    {
        var ledger = Ledger(NewCitizen());
        await ledger.Credit(new PointsAward(ledger.GetPrimaryKeyString(), 100, "grant", "test", "grant:1"));

        var first = await ledger.Redeem("same", "rice-5kg", 50);
        var again = await ledger.Redeem("same", "rice-5kg", 50);

        Assert.Equal((RedeemResult.Redeemed, RedeemResult.AlreadyRedeemed), (first.Result, again.Result));
        Assert.Equal(50, again.Ledger.Balance);
    }

    [Fact]
    public async Task Credit_BeyondTheDailyCap_IsRecordedAtZero()
    {
        var ledger = Ledger(NewCitizen());

        for (var i = 0; i < 4; i++)
        {
            await ledger.Credit(new PointsAward(ledger.GetPrimaryKeyString(), 5, "citizen-report-accepted", $"E{i}", $"k{i}", DailyCap: 10));
        }
        var view = await ledger.GetView();

        Assert.Equal(10, view.Balance);
        Assert.Equal([0, 0, 5, 5], view.Entries.Select(e => e.Points));
        Assert.Contains("daily cap", view.Entries[0].Note);
    }

    [Fact]
    public async Task ClosedOnTime_PaysTheHandlerOnce_EvenWhenTheCaseIsReactivated()
    {
        var grid = Grid(330);
        var id = NewId();
        var reported = (await fixture.Grains.GetGrain<IEventGrain>(id).Report(In(grid))).Event!;
        var handler = reported.Assignee!.Id;
        // The report's own awards are delivered after its answer; the handler may be its reporter too.
        await fixture.Grains.GetGrain<IEventGrain>(id).DeliverPending();
        var before = (await Ledger(handler).GetView()).Balance;
        foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
        {
            await fixture.Grains.GetGrain<IEventGrain>(id).Act(step);
        }

        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IEventGrain>(id));
        await fixture.Grains.GetGrain<IEventGrain>(id).GetView();
        await fixture.Grains.GetGrain<IEventGrain>(id).DeliverPending();
        var handlerLedger = await Ledger(handler).GetView();
        var reporterLedger = await Ledger(grid.Grid.Workers[0].Id).GetView();

        Assert.Equal(before + 3, handlerLedger.Balance);
        Assert.Single(handlerLedger.Entries, e => e.Key == $"closed-on-time:{id}");
        Assert.Single(reporterLedger.Entries, e => e.Key == $"report-accepted:{id}");
    }
}
