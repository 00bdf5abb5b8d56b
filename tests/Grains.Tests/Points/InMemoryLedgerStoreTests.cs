using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class InMemoryLedgerStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly InMemoryPointsReadModel _readModel = new();
    private readonly InMemoryLedgerStore _store;

    public InMemoryLedgerStoreTests() => _store = new InMemoryLedgerStore(_readModel);

    private static LedgerEntry Credit(int points, string key) => new(T0, points, "grant", "test", key);

    private static LedgerEntry Debit(int points, string key) => new(T0, -points, "redeem:rice-5kg", "rice-5kg", key);

    [Fact]
    public async Task Append_KeyStoredAlready_ReportsAlreadyThereAndKeepsTheFirst()
    {
        var first = await _store.Append("C-1", Credit(5, "k1"));
        var again = await _store.Append("C-1", Credit(7, "k1"));

        Assert.Equal((LedgerWrite.Inserted, LedgerWrite.AlreadyThere), (first, again));
        Assert.Equal(5, Assert.Single(await _store.Load("C-1")).Points);
    }

    [Fact]
    public async Task Append_NewEntry_IsInTheReadModelAtOnce()
    {
        await _store.Append("C-1", Credit(5, "k1"));

        var totals = await _readModel.Totals(T0.AddDays(-1), T0.AddDays(1));

        Assert.Equal(5, totals["C-1"]);
    }

    [Fact]
    public async Task AppendIfCovered_ShortThenCoveredThenRepeated_AnswersEachWithTheStoredBalance()
    {
        await _store.Append("C-1", Credit(10, "k1"));

        var shortOne = await _store.AppendIfCovered("C-1", Debit(11, "redeem:r1"));
        var covered = await _store.AppendIfCovered("C-1", Debit(10, "redeem:r2"));
        var repeated = await _store.AppendIfCovered("C-1", Debit(10, "redeem:r2"));

        Assert.Equal(new StoredDebit(LedgerWrite.Short, 10), shortOne);
        Assert.Equal(new StoredDebit(LedgerWrite.Inserted, 0), covered);
        Assert.Equal(new StoredDebit(LedgerWrite.AlreadyThere, 0), repeated);
    }

    [Fact]
    public async Task AppendIfCovered_ManyAtOnce_NeverOverdraws()
    {
        await _store.Append("C-1", Credit(10, "k1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _store.AppendIfCovered("C-1", Debit(3, $"redeem:r{i}")), TestContext.Current.CancellationToken)));

        Assert.Equal(3, outcomes.Count(o => o.Result == LedgerWrite.Inserted));
        Assert.Equal(1, (await _store.Load("C-1")).Sum(e => e.Points));
    }
}
