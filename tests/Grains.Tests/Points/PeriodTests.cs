using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class PeriodTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("day", 2026, 3, 5)]
    [InlineData("week", 2026, 3, 2)]
    [InlineData("month", 2026, 3, 1)]
    public void Start_CountsInTheCountysCalendar(string period, int year, int month, int day)
    {
        // Wednesday 4 March 2026, 17:00 UTC, is already Thursday 5 March in Chengjiang.
        var now = new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, Beijing), Period.Start(period, now));
    }

    [Fact]
    public void Start_IsTheCountysMidnightInUtc()
    {
        var start = Period.Start("day", new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero))!.Value;

        Assert.Equal((TimeSpan.Zero, new DateTime(2026, 3, 4, 16, 0, 0)), (start.Offset, start.DateTime));
    }

    [Fact]
    public void Start_UnknownPeriod_IsNull()
    {
        Assert.Null(Period.Start("decade", DateTimeOffset.UtcNow));
    }
}
