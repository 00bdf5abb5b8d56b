using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Tests.Reports;

public sealed class SvgChartTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(1.01, 2)]
    [InlineData(3, 5)]
    [InlineData(812, 1000)]
    [InlineData(1999, 2000)]
    [InlineData(4000.5, 5000)]
    public void NiceCeiling_AValue_TheNextOneTwoOrFive(double value, double expected) =>
        Assert.Equal(expected, SvgChart.NiceCeiling(value), 6);

    [Fact]
    public void Lines_NoSamples_ASentenceInsteadOfAnEmptyChart()
    {
        var html = SvgChart.Lines("memory", "MB", [new ChartSeries("resident", "#000", [])]);

        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("no samples", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_TwoPoints_OnePolylineThroughBoth()
    {
        var svg = SvgChart.Lines("t", "a second", [new ChartSeries("closed", "#123456", [(0, 0), (10, 100)])]);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<polyline"));
        Assert.Contains("stroke=\"#123456\"", svg, StringComparison.Ordinal);
    }
}
