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

        AssertWithinOnePercent(ReportFigures.Reported, tally.Reported);
        AssertWithinOnePercent(ReportFigures.Handled, tally.Handled);
        AssertWithinOnePercent(ReportFigures.Disputes, tally.Disputes);
        AssertWithinOnePercent(ReportFigures.DisputesResolved, tally.DisputesResolved);
        Assert.Equal(tally.Reported, tally.Handled + tally.Invalid + tally.Parked + tally.OpenAtCutOff);
    }

    [Fact]
    public void Run_TheSameSeed_PlaysTheSameCounty()
    {
        Assert.Equal(CalibrationModel.Run(3, Priorities), CalibrationModel.Run(3, Priorities));
    }

    private static void AssertWithinOnePercent(int expected, int actual) =>
        Assert.InRange(actual, expected * 0.99, expected * 1.01);
}
