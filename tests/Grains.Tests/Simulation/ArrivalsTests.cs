using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

public sealed class ArrivalsTests
{
    private static readonly DateTimeOffset From = new(2024, 3, 4, 0, 0, 0, ReportFigures.CountyOffset);

    /// <summary>A week of 2024 (growth 1) and the report's first week (growth rising within every hour).</summary>
    [Theory]
    [InlineData(2024, 1)]
    [InlineData(2024, 37)]
    [InlineData(2024, 3600)]
    [InlineData(2021, 37)]
    [InlineData(2021, 1234)]
    public void Until_AWeekInStretchesOfAnyLength_CountsTheWeeksExpectationByWholeHoursRounded(int year, int stretchSeconds)
    {
        var from = year == 2021 ? ReportFigures.PeriodStart : From;
        var end = from.AddDays(7);
        var profile = new ArrivalProfile(900);
        var arrivals = new Arrivals(profile, from);
        var count = 0;
        for (var at = from; at < end; at = at.AddSeconds(stretchSeconds))
        {
            count += arrivals.Until(at.AddSeconds(stretchSeconds) < end ? at.AddSeconds(stretchSeconds) : end).Count;
        }
        var byHours = Enumerable.Range(0, 7 * 24).Sum(h => profile.ExpectedBetween(from.AddHours(h), from.AddHours(h + 1)));

        Assert.Equal((int)Math.Round(byHours), count);
    }

    [Fact]
    public void ExpectedBetween_TheDayShift_FarOutweighsTheNight_AndWeekdaysTheWeekend()
    {
        var profile = new ArrivalProfile(900);

        var morning = profile.ExpectedBetween(From.AddHours(9), From.AddHours(10));
        var night = profile.ExpectedBetween(From.AddHours(2), From.AddHours(3));
        var monday = profile.ExpectedBetween(From, From.AddDays(1));
        var sunday = profile.ExpectedBetween(From.AddDays(6), From.AddDays(7));

        Assert.True(morning > 20 * night, $"{morning} against {night}");
        Assert.InRange(sunday / monday, 0.5, 0.7);
    }

    [Fact]
    public void ExpectedBetween_TheReportsPeriodAtItsVolume_IsTheReportsTotal()
    {
        var expected = new ArrivalProfile(ReportFigures.ReportsPerDay).ExpectedBetween(ReportFigures.PeriodStart, ReportFigures.PeriodEnd);

        Assert.Equal(ReportFigures.Reported, expected, precision: 3);
    }

    [Fact]
    public void Until_WithACap_DropsWhatItOwesBeyondIt()
    {
        var arrivals = new Arrivals(new ArrivalProfile(900), From);

        var capped = arrivals.Until(From.AddDays(1), atMost: 10);
        var next = arrivals.Until(From.AddDays(1).AddSeconds(1));

        Assert.Equal(10, capped.Count);
        Assert.Empty(next);
        Assert.All(capped, at => Assert.InRange(at, From, From.AddDays(1)));
    }
}
