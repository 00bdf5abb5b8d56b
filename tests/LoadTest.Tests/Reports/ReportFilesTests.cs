using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Tests.Reports;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"drill-report-{Guid.NewGuid():N}");

    [Fact]
    public async Task WriteAsync_IntoAMissingFolder_HtmlAndJsonBesideIt()
    {
        var path = Path.Combine(_folder, "nested", "run.html");

        var (html, json) = await ReportFiles.WriteAsync(DrillReports.Sample(), path, TestContext.Current.CancellationToken);

        Assert.Equal(path, html);
        Assert.Equal(Path.Combine(_folder, "nested", "run.json"), json);
        Assert.True(File.Exists(html));
        Assert.True(File.Exists(json));
    }

    [Fact]
    public void ToJson_ThenFromJson_TheSameFigures()
    {
        var report = DrillReports.Sample(lost: 1);

        var read = ReportFiles.FromJson(ReportFiles.ToJson(report))!;

        Assert.Equal(report.Totals, read.Totals);
        Assert.Equal(report.Header with { Machine = read.Header.Machine }, read.Header);
        Assert.Equal(report.Samples, read.Samples);
        Assert.Equal(report.Latencies.Select(l => (l.Name, l.Percentiles)), read.Latencies.Select(l => (l.Name, l.Percentiles)));
    }

    [Fact]
    public void ToJson_Names_CamelCase()
    {
        var json = ReportFiles.ToJson(DrillReports.Sample());

        Assert.Contains("\"peakRssMb\": 812.4", json, StringComparison.Ordinal);
        Assert.Contains("\"p99Ms\": 9.876", json, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
