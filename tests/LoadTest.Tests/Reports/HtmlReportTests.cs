using System.Text.RegularExpressions;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Tests.Reports;

public sealed class HtmlReportTests
{
    [Fact]
    public void Render_ASampleDrill_HeaderChartsAndEveryActionsPercentiles()
    {
        var html = HtmlReport.Render(DrillReports.Sample());

        Assert.Contains("dotnet LoadTest.dll --url http://127.0.0.1:5097 --events 5000", html, StringComparison.Ordinal);
        Assert.Contains("abc1234", html, StringComparison.Ordinal);
        Assert.Contains("box: 2 cores, 7.7 GB, Linux", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-04 09:00:00", html, StringComparison.Ordinal);
        Assert.Contains("action: verify", html, StringComparison.Ordinal);
        Assert.Contains("<td>9.88</td>", html, StringComparison.Ordinal);
        Assert.Equal(4 + 3, Regex.Matches(html, "<svg ").Count);
    }

    [Fact]
    public void Render_Anything_NothingFetchedFromElsewhere()
    {
        var html = HtmlReport.Render(DrillReports.Sample());

        Assert.DoesNotMatch(new Regex("<script|<link|src=|@import|https?://(?!127\\.0\\.0\\.1|www\\.w3\\.org/2000/svg)"), html);
    }

    [Fact]
    public void Render_ACommandLineWithMarkup_Escaped()
    {
        var report = DrillReports.Sample();
        report = report with { Header = report.Header with { CommandLine = "LoadTest --drill-id <b>x</b>" } };

        var html = HtmlReport.Render(report);

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }
}
