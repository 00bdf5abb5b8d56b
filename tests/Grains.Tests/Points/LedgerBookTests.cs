using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class LedgerBookTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(8));

    private static LedgerEntry Grant(int i, DateTimeOffset? at = null) => new(at ?? Noon, 1, "grant", $"E{i}", $"grant:{i}");

    [Fact]
    public void Apply_PastTheRecentWindow_ForgetsTheOldestKeyButCountsEveryEntry()
    {
        var book = LedgerBook.Of();
        var count = LedgerBook.RecentCapacity + 5;

        for (var i = 0; i < count; i++)
        {
            book.Apply(Grant(i));
        }

        Assert.Equal((count, count, LedgerBook.RecentCapacity), (book.Balance, book.EntryCount, book.Recent.Count));
        Assert.False(book.HasRecent("grant:4"));
        Assert.True(book.HasRecent("grant:5"));
        Assert.Equal(count, book.EarnedOn("grant", LedgerRules.CountyDay(Noon)));
    }

    [Fact]
    public void Of_Summary_TakesItsSumsAndOnlyTheNewestEntries()
    {
        var entries = Enumerable.Range(0, LedgerBook.RecentCapacity + 3).Select(i => Grant(i)).ToList();
        // 23:30 in UTC is already the next day in the county (UTC+8).
        entries.Add(Grant(1000, new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero)));

        var book = LedgerBook.Of(LedgerSummary.Of(entries, LedgerBook.RecentCapacity));

        Assert.Equal((entries.Count, entries.Count), (book.Balance, book.EntryCount));
        Assert.Equal(entries.TakeLast(LedgerBook.RecentCapacity), book.Recent);
        Assert.Equal(entries.Count - 1, book.EarnedOn("grant", new DateOnly(2026, 3, 2)));
        Assert.Equal(1, book.EarnedOn("grant", new DateOnly(2026, 3, 3)));
    }
}
