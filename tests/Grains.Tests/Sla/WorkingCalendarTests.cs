using GridActors.Grains.Sla;

namespace GridActors.Grains.Tests.Sla;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>08:30–12:00 and 14:30–18:00 on weekdays; 2026-10-01 a holiday; Saturday 2026-10-10 worked instead.</summary>
    private static readonly WorkingCalendar Calendar = new(
        Beijing,
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        [(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 30), new TimeOnly(18, 0))],
        new HashSet<DateOnly> { new(2026, 10, 1) },
        new HashSet<DateOnly> { new(2026, 10, 10) });

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Theory]
    [InlineData(9, 28, 9, 0, 2.0, 9, 28, 11, 0)]      // Monday morning, within the period
    [InlineData(9, 28, 11, 0, 2.0, 9, 28, 15, 30)]    // across the lunch break
    [InlineData(9, 28, 17, 0, 2.0, 9, 29, 9, 30)]     // across the night
    [InlineData(9, 28, 20, 0, 1.0, 9, 29, 9, 30)]     // starting after hours
    [InlineData(9, 30, 17, 0, 2.0, 10, 2, 9, 30)]     // across the 1 October holiday
    [InlineData(10, 2, 17, 0, 2.0, 10, 5, 9, 30)]     // across a weekend
    [InlineData(10, 9, 17, 0, 2.0, 10, 10, 9, 30)]    // onto a Saturday worked in lieu (调休)
    [InlineData(9, 28, 8, 30, 14.0, 9, 29, 18, 0)]    // two working days of 7 hours
    public void Add_CountsOnlyWorkingTime(int m, int d, int h, int min, double hours, int em, int ed, int eh, int emin)
    {
        var due = Calendar.Add(Local(m, d, h, min), TimeSpan.FromHours(hours));

        Assert.Equal(Local(em, ed, eh, emin), due);
    }

    [Fact]
    public void Add_FromALocalOrAUtcStart_IsAnInstantInUtc()
    {
        var fromLocal = Calendar.Add(Local(9, 28, 17), TimeSpan.FromHours(2));
        var fromUtc = Calendar.Add(Local(9, 28, 9).ToUniversalTime(), TimeSpan.FromHours(1));
        var nothing = Calendar.Add(Local(9, 27, 3), TimeSpan.Zero);

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], new[] { fromLocal.Offset, fromUtc.Offset, nothing.Offset });
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 1, 30, 0, TimeSpan.Zero), fromLocal);
    }

    [Fact]
    public void Add_Nothing_IsTheStart()
    {
        Assert.Equal(Local(9, 27, 3), Calendar.Add(Local(9, 27, 3), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(9, 28, 11, 0, 9, 28, 15, 30, 2.0)]
    [InlineData(9, 30, 17, 0, 10, 2, 9, 30, 2.0)]
    [InlineData(10, 3, 0, 0, 10, 4, 23, 0, 0.0)]
    public void Between_IsTheInverseOfAdd(int m1, int d1, int h1, int min1, int m2, int d2, int h2, int min2, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Calendar.Between(Local(m1, d1, h1, min1), Local(m2, d2, h2, min2)));
    }

    [Fact]
    public void IsWorkingDay_HonoursHolidaysAndDaysWorkedInLieu()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
    }
}
