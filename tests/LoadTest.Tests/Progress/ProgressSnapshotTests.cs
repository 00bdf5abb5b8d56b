using GridActors.LoadTest.Progress;

namespace GridActors.LoadTest.Tests.Progress;

public sealed class ProgressSnapshotTests
{
    [Fact]
    public void PlainLine_WithDashboardsAndMemory_EveryFigureOnOneLine()
    {
        var snapshot = new ProgressSnapshot("loop", 5000, 5000, 1200, 3, 3800, 20, 0, 240, 2.04, 9.5, 183.6, 700.2);

        var line = snapshot.PlainLine();

        Assert.Equal("      20s loop: reported 5,000/5,000 closed 1,200/5,000 open 3,800 reports/s 0 (mean 250) closed/s 240 (mean 60) " +
            "ack p50 2.0ms p99 9.5ms push p99 184ms errors 3 api 700MB", line);
    }

    [Fact]
    public void PlainLine_NoDashboardsNoMemory_LeftOut()
    {
        var line = new ProgressSnapshot("reports", 10, 4, 0, 0, 4, 2, 2, 0, 1, 2, null, null).PlainLine();

        Assert.DoesNotContain("push", line, StringComparison.Ordinal);
        Assert.DoesNotContain("api", line, StringComparison.Ordinal);
    }
}
