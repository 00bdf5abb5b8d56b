using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

/// <summary>The simulation's scripts for the report's period add up to the report's figures (docs/CALIBRATION.md).</summary>
public sealed class CalibrationModelTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyDictionary<string, Priority> Priorities =
        CountyTopology.LoadEmbedded().Document.Categories.ToDictionary(c => c.Id, c => Enum.Parse<Priority>(c.Priority, ignoreCase: true));

    [Theory]
    [InlineData(20221116)]
    [InlineData(7)]
    public void Run_ThePeriodAtTheReportsVolume_LandsWithinOnePercentOfEveryFigure(int seed)
    {
        var tally = CalibrationModel.Run(seed, Priorities);
        output.WriteLine(tally.ToString());

        var comparison = new ReportComparison(tally.Reported, tally.Handled, tally.Disputes, tally.DisputesResolved);

        Assert.True(comparison.WithinTolerance, $"off by {comparison.WorstDeviation:P2}");
        Assert.Equal(ReportFigures.Reported, tally.Reported);
        Assert.Equal(ReportFigures.Disputes, tally.Disputes);
        Assert.Equal(tally.Reported, tally.Handled + tally.Invalid + tally.Parked + tally.OpenAtCutOff);
    }

    [Fact]
    public void Run_TheSameSeed_PlaysTheSameCounty()
    {
        Assert.Equal(CalibrationModel.Run(3, Priorities), CalibrationModel.Run(3, Priorities));
    }

    [Theory]
    [InlineData(407_177, 389_424, 1_817, 1_816, true)]
    [InlineData(407_177, 385_000, 1_817, 1_816, false)]
    [InlineData(407_177, 389_424, 1_817, 1_790, false)]
    [InlineData(450_000, 430_380, 1_817, 1_816, false)]
    public void ReportComparison_AnyFigureOrRateMoreThanOnePercentOff_IsOutsideTheTolerance(
        int reported, int handled, int disputes, int resolved, bool within)
    {
        Assert.Equal(within, new ReportComparison(reported, handled, disputes, resolved).WithinTolerance);
    }
}
