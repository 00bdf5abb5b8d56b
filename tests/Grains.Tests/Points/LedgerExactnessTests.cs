using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using GridActors.Grains.Tests.Cluster;

namespace GridActors.Grains.Tests.Points;

/// <summary>
/// A ledger whose memory is behind its store, as when a duplicate activation on another silo (or a retry that
/// reached the store before its answer was lost) wrote entries this activation never saw.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerExactnessTests(ClusterFixture fixture)
{
    private static string NewCitizen() => $"C-{Guid.NewGuid():N}";

    private static LedgerEntry Stored(int points, string key) =>
        new(ClusterFixture.Time.GetUtcNow(), points, "grant", "test", key);

    [Fact]
    public async Task Credit_KeyTheStoreHasButMemoryDoesNot_CountsItOnce()
    {
        var id = NewCitizen();
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);
        await ledger.GetView();
        await fixture.LedgerStore.Append(id, Stored(3, "grant:other-silo"));
        await fixture.LedgerStore.Append(id, Stored(5, "grant:1"));

        var balance = await ledger.Credit(new PointsAward(id, 5, "grant", "test", "grant:1"));
        var view = await ledger.GetView();
        var stored = await fixture.LedgerStore.Load(id);

        Assert.Equal((8, 8, 8), (balance, view.Balance, stored.Sum(e => e.Points)));
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored.Select(e => e.Key).Reverse(), view.Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task Redeem_CreditTheStoreHasButMemoryDoesNot_RedeemsAgainstTheStoredBalance()
    {
        var id = NewCitizen();
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);
        await ledger.GetView();
        await fixture.LedgerStore.Append(id, Stored(100, "grant:other-silo"));

        var outcome = await ledger.Redeem("r1", "rice-5kg", 60);

        Assert.Equal((RedeemResult.Redeemed, 40), (outcome.Result, outcome.Ledger.Balance));
        Assert.Equal(2, outcome.Ledger.Entries.Count);
    }

    [Fact]
    public async Task Redeem_DebitTheStoreHasButMemoryDoesNot_IsShortAndShowsTheStoredBalance()
    {
        var id = NewCitizen();
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);
        await ledger.Credit(new PointsAward(id, 100, "grant", "test", "grant:1"));
        await fixture.LedgerStore.Append(id, Stored(-60, "redeem:other-silo"));

        var outcome = await ledger.Redeem("r1", "rice-5kg", 60);

        Assert.Equal((RedeemResult.Short, 40), (outcome.Result, outcome.Ledger.Balance));
    }

    [Fact]
    public async Task Credit_AwardOfYesterdayPaidToday_CountsInYesterdaysDailyCap()
    {
        var id = NewCitizen();
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);
        var yesterday = ClusterFixture.Time.GetUtcNow().AddDays(-1);
        await ledger.Credit(new PointsAward(id, 10, "citizen-report-accepted", "E1", "k1", DailyCap: 10, At: yesterday));

        await ledger.Credit(new PointsAward(id, 5, "citizen-report-accepted", "E2", "k2", DailyCap: 10, At: yesterday));
        await ledger.Credit(new PointsAward(id, 5, "citizen-report-accepted", "E3", "k3", DailyCap: 10));
        var view = await ledger.GetView();

        Assert.Equal(15, view.Balance);
        Assert.Equal([5, 0, 10], view.Entries.Select(e => e.Points));
        Assert.Equal(yesterday, view.Entries[1].At);
    }

    [Fact]
    public async Task Activate_LedgerLongerThanItsRecentWindow_HoldsTheNewestButCountsAndJudgesThemAll()
    {
        var id = NewCitizen();
        var today = ClusterFixture.Time.GetUtcNow();
        await fixture.LedgerStore.Append(id, new LedgerEntry(today, 8, "citizen-report-accepted", "E0", "capped:0"));
        var grants = LedgerBook.RecentCapacity + 20;
        for (var i = 1; i <= grants; i++)
        {
            await fixture.LedgerStore.Append(id, Stored(1, $"grant:{i}"));
        }
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);

        var view = await ledger.GetView();
        var oldKeyAgain = await ledger.Credit(new PointsAward(id, 1, "grant", "test", "grant:1"));
        var capped = await ledger.Credit(new PointsAward(id, 5, "citizen-report-accepted", "E1", "capped:1", DailyCap: 10, At: today));
        var after = await ledger.GetView();

        Assert.Equal((8 + grants, grants + 1, LedgerBook.RecentCapacity), (view.Balance, view.EntryCount, view.Entries.Count));
        Assert.Equal($"grant:{grants}", view.Entries[0].Key);
        Assert.Equal(8 + grants, oldKeyAgain);
        Assert.Equal(8 + grants + 2, capped);
        Assert.Equal((2, grants + 2), (after.Entries[0].Points, after.EntryCount));
        Assert.Equal(grants + 2, (await fixture.LedgerStore.Load(id)).Count);
    }

    [Fact]
    public async Task Redeem_RequestOlderThanTheRecentWindow_RedeemsNothingMore()
    {
        var id = NewCitizen();
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(id);
        await ledger.Credit(new PointsAward(id, 500, "grant", "test", "grant:0"));
        var first = await ledger.Redeem("r-old", "rice-5kg", 60);
        for (var i = 1; i <= LedgerBook.RecentCapacity; i++)
        {
            await ledger.Credit(new PointsAward(id, 1, "grant", "test", $"grant:{i}"));
        }

        var again = await ledger.Redeem("r-old", "rice-5kg", 60);

        Assert.Equal(RedeemResult.Redeemed, first.Result);
        Assert.Equal((RedeemResult.AlreadyRedeemed, 500 - 60 + LedgerBook.RecentCapacity), (again.Result, again.Ledger.Balance));
        Assert.Single(await fixture.LedgerStore.Load(id), e => e.Key == "redeem:r-old");
    }
}
