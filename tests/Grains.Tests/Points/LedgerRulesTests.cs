using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class LedgerRulesTests
{
    private static readonly TimeSpan County = TimeSpan.FromHours(8);

    /// <summary>Mid-morning of 2 March in the county: the same calendar day in UTC, so a UTC-day bug would not show.</summary>
    private static readonly DateTimeOffset Today = new(2026, 3, 2, 10, 0, 0, County);

    private static PointsAward Capped(string key, int points, DateTimeOffset? at = null) =>
        new("C-1", points, "citizen-report-accepted", key, key, DailyCap: 10, At: at);

    private static LedgerBook Paid(params LedgerEntry[] entries) => LedgerBook.Of(entries);

    [Fact]
    public void Credit_KeyTheBookHas_WritesNothing()
    {
        var book = Paid(new LedgerEntry(Today, 5, "grant", "E1", "grant:E1"));

        Assert.Null(LedgerRules.Credit(book, new PointsAward("C-1", 5, "grant", "E1", "grant:E1"), Today));
    }

    [Fact]
    public void Credit_AwardWithoutATime_IsStampedNow()
    {
        var entry = LedgerRules.Credit(Paid(), Capped("k1", 5), Today);

        Assert.Equal((Today, 5, null), (entry!.At, entry.Points, entry.Note));
    }

    [Fact]
    public void Credit_PastTheCapOfTheFactsDay_PaysWhatFitsWithANote()
    {
        var yesterday = Today.AddDays(-1);
        var book = Paid(new LedgerEntry(yesterday, 8, "citizen-report-accepted", "k1", "k1"));

        var entry = LedgerRules.Credit(book, Capped("k2", 5, at: yesterday), Today);

        Assert.Equal((yesterday, 2), (entry!.At, entry.Points));
        Assert.Contains("daily cap of 10", entry.Note);
    }

    [Fact]
    public void Credit_CapFullOnAnotherDay_PaysInFull()
    {
        var yesterday = Today.AddDays(-1);
        var book = Paid(new LedgerEntry(yesterday, 10, "citizen-report-accepted", "k1", "k1"));

        var entry = LedgerRules.Credit(book, Capped("k2", 5), Today);

        Assert.Equal(5, entry!.Points);
    }

    [Fact]
    public void Credit_FactLateInTheCountyEvening_CountsInTheCountyDayNotTheUtcDay()
    {
        // 23:30 in the county on 1 March is 15:30 UTC on 1 March; 00:30 on 2 March is still 1 March in UTC.
        var lateOnTheFirst = new DateTimeOffset(2026, 3, 1, 23, 30, 0, County);
        var earlyOnTheSecond = new DateTimeOffset(2026, 3, 2, 0, 30, 0, County);
        var book = Paid(new LedgerEntry(lateOnTheFirst, 10, "citizen-report-accepted", "k1", "k1"));

        var entry = LedgerRules.Credit(book, Capped("k2", 5, at: earlyOnTheSecond), Today);

        Assert.Equal(5, entry!.Points);
    }

    [Fact]
    public void Credit_Deduction_IsNeverCapped()
    {
        var book = Paid(new LedgerEntry(Today, 10, "citizen-report-accepted", "k1", "k1"));

        var entry = LedgerRules.Credit(book, Capped("k2", -2), Today);

        Assert.Equal(-2, entry!.Points);
    }

    [Fact]
    public void Debit_NewRequest_TakesThePointsUnderTheRedeemKey()
    {
        var entry = LedgerRules.Debit(Paid(), "r1", "rice-5kg", 50, Today);

        Assert.Equal((-50, "redeem:rice-5kg", "redeem:r1"), (entry!.Points, entry.Rule, entry.Key));
    }

    [Fact]
    public void Debit_RequestTheBookHas_WritesNothing()
    {
        var book = Paid(new LedgerEntry(Today, -50, "redeem:rice-5kg", "rice-5kg", "redeem:r1"));

        Assert.Null(LedgerRules.Debit(book, "r1", "rice-5kg", 50, Today));
    }

    [Theory]
    [InlineData(100, 50, true)]
    [InlineData(50, 50, true)]
    [InlineData(49, 50, false)]
    [InlineData(-3, 1, false)]
    public void Covers_BalanceAgainstPrice_AllowsOnlyWhatLeavesItAtZeroOrMore(int balance, int points, bool covered)
    {
        Assert.Equal(covered, LedgerRules.Covers(balance, points));
    }
}
