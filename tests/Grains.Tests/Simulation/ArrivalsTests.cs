using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

public sealed class ArrivalsTests
{
    private static readonly DateTimeOffset From = new(2024, 3, 4, 0, 0, 0, ReportFigures.CountyOffset);

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(3600)]
    public void Until_AWeekInStretchesOfAnyLength_CountsTheWeeksExpectationRounded(int stretchSeconds)
    {
        var profile = new ArrivalProfile(900);
        var arrivals = new Arrivals(profile, From);
        var count = 0;
        for (var at = From; at < From.AddDays(7); at = at.AddSeconds(stretchSeconds))
        {
            count += arrivals.Until(at.AddSeconds(stretchSeconds) < From.AddDays(7) ? at.AddSeconds(stretchSeconds) : From.AddDays(7)).Count;
        }

        Assert.Equal((int)Math.Round(profile.ExpectedBetween(From, From.AddDays(7))), count);
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
