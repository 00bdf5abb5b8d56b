using GridActors.LoadTest.Calibration;
using GridActors.Silo.Simulation.Model;

namespace GridActors.LoadTest.Tests.Calibration;

public sealed class CalibrationResultTests
{
    private static CalibrationResult TheReportsFigures(long dropped) => new(
        ReportFigures.Reported, ReportFigures.Handled, Cancelled: 9_000, Parked: 7_000, Open: 1_753,
        ReportFigures.Disputes, ReportFigures.DisputesResolved, MeanHandlingHours: 26.9, dropped);

    [Fact]
    public void Passed_TheReportsFiguresNothingDropped_TrueWithNoDroppedLine()
    {
        var result = TheReportsFigures(dropped: 0);

        Assert.True(result.Passed);
        Assert.Null(result.DroppedLine());
        Assert.EndsWith(" dropped=0", result.SummaryLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_TheReportsFiguresButOneStepDropped_FalseThoughWithinTolerance()
    {
        var result = TheReportsFigures(dropped: 1);

        Assert.True(result.WithinTolerance);
        Assert.False(result.Passed);
        Assert.StartsWith("dropped: the simulation gave up 1 reports or steps", result.DroppedLine(), StringComparison.Ordinal);
        Assert.EndsWith(" dropped=1", result.SummaryLine(), StringComparison.Ordinal);
        Assert.Equal("| reports and steps dropped by the simulation | | 1 | |", result.Table().Last());
    }

    [Fact]
    public void Passed_HandledTwoPercentShortNothingDropped_False()
    {
        var result = TheReportsFigures(dropped: 0) with { Handled = (int)(ReportFigures.Handled * 0.98) };

        Assert.False(result.WithinTolerance);
        Assert.False(result.Passed);
    }
}
