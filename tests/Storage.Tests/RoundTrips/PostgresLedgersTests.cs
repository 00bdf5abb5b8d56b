using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using GridActors.Silo.Postgres;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GridActors.Storage.Tests.RoundTrips;

/// <summary>
/// The ledger store on its own, as two silos use it: two <see cref="PostgresLedgers"/> on separate connection
/// pools over one database, as when two activations of one ledger live on different silos.
/// </summary>
public sealed class PostgresLedgersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;
    private NpgsqlDataSource _secondPool = null!;
    private PostgresLedgers _first = null!;
    private PostgresLedgers _second = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new SchemaMigrator(_database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        // The second silo's sessions run in another time zone, so a county day reckoned from the session's zone
        // instead of UTC+8 would show.
        _secondPool = NpgsqlDataSource.Create(_database.ConnectionString + ";Timezone=America/New_York");
        // Small batches, so that a burst spans several statements and both flush loops.
        _first = new PostgresLedgers(_database.DataSource, new WriteBatcherOptions { MaxBatch = 8 });
        _second = new PostgresLedgers(_secondPool, new WriteBatcherOptions { MaxBatch = 8 });
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _secondPool.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string NewParticipant() => $"C-{Guid.NewGuid():N}";

    private static LedgerEntry Credit(int points, string key) => new(T0, points, "grant", "test", key);

    private static LedgerEntry Debit(int points, string key) => new(T0, -points, "redeem:rice-5kg", "rice-5kg", key);

    private PostgresLedgers Silo(int i) => i % 2 == 0 ? _first : _second;

    [Fact]
    public async Task Append_KeyAnotherSiloStored_ReportsAlreadyThereAndKeepsTheFirst()
    {
        var participant = NewParticipant();

        var first = await _first.Append(participant, Credit(5, "k1"));
        var again = await _second.Append(participant, Credit(7, "k1"));

        Assert.Equal((LedgerWrite.Inserted, LedgerWrite.AlreadyThere), (first, again));
        Assert.Equal(5, Assert.Single(await _first.Load(participant)).Points);
    }

    [Fact]
    public async Task Append_OneKeyManyTimesAtOnce_IsInsertedExactlyOnce()
    {
        var participant = NewParticipant();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Silo(i).Append(participant, Credit(5, "k1"))));

        Assert.Equal(1, outcomes.Count(o => o == LedgerWrite.Inserted));
        Assert.Equal(5, (await _first.Load(participant)).Sum(e => e.Points));
    }

    [Fact]
    public async Task Append_DistinctKeysInOneBurst_AreAllReportedInserted()
    {
        var participant = NewParticipant();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Silo(i).Append(participant, Credit(1, $"k{i}"))));

        Assert.All(outcomes, o => Assert.Equal(LedgerWrite.Inserted, o));
        Assert.Equal(100, (await _first.Load(participant)).Count);
    }

    [Fact]
    public async Task AppendIfCovered_TwentyAtOnceFromTwoSilos_NeverOverdraw()
    {
        var participant = NewParticipant();
        await _first.Append(participant, Credit(10, "k1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Silo(i).AppendIfCovered(participant, Debit(3, $"redeem:r{i}"))));
        var stored = await _second.Load(participant);

        Assert.Equal(3, outcomes.Count(o => o.Result == LedgerWrite.Inserted));
        Assert.Equal(17, outcomes.Count(o => o.Result == LedgerWrite.Short));
        Assert.All(outcomes, o => Assert.True(o.Balance >= 0));
        Assert.Equal(1, stored.Sum(e => e.Points));
    }

    [Fact]
    public async Task AppendIfCovered_OneRequestFromBothSilosAtOnce_DebitsOnce()
    {
        var participant = NewParticipant();
        await _first.Append(participant, Credit(10, "k1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Silo(i).AppendIfCovered(participant, Debit(3, "redeem:same"))));

        Assert.Equal(1, outcomes.Count(o => o.Result == LedgerWrite.Inserted));
        Assert.Equal(9, outcomes.Count(o => o.Result == LedgerWrite.AlreadyThere));
        Assert.All(outcomes, o => Assert.Equal(7, o.Balance));
    }

    [Fact]
    public async Task AppendIfCovered_BalanceShort_ChangesNothingAndAnswersTheStoredBalance()
    {
        var participant = NewParticipant();
        await _first.Append(participant, Credit(10, "k1"));

        var outcome = await _second.AppendIfCovered(participant, Debit(11, "redeem:r1"));

        Assert.Equal(new StoredDebit(LedgerWrite.Short, 10), outcome);
        Assert.Single(await _first.Load(participant));
    }

    [Fact]
    public async Task LoadSummary_StatesTheRuleOfLedgerSummaryInSql()
    {
        var participant = NewParticipant();
        // Around the county's midnight (16:00 UTC), over two rules and a debit, more entries than the window.
        for (var i = 0; i < 12; i++)
        {
            var at = new DateTimeOffset(2026, 3, 2, 15, 40, 0, TimeSpan.Zero).AddMinutes(3 * i);
            await Silo(i).Append(participant, new LedgerEntry(at, i + 1, i % 3 == 0 ? "capped" : "grant", "test", $"k{i}"));
        }
        await _first.AppendIfCovered(participant, Debit(4, "redeem:r1"));

        var summary = await _second.LoadSummary(participant, recent: 5);
        var expected = LedgerSummary.Of(await _first.Load(participant), recent: 5);

        Assert.Equal((expected.Balance, expected.EntryCount), (summary.Balance, summary.EntryCount));
        Assert.Equal(expected.EarnedByDay.OrderBy(d => d.Key), summary.EarnedByDay.OrderBy(d => d.Key));
        Assert.Equal(expected.Recent, summary.Recent);
        Assert.Equal(2, summary.EarnedByDay.Keys.Count(k => k.Rule == "grant"));
    }
}
