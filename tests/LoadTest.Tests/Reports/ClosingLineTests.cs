using System.Text.RegularExpressions;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Tests.Reports;

public sealed class ClosingLineTests
{
    [Fact]
    public void Format_AFullDrill_TheContractsShapeWithItsFigures()
    {
        var line = ClosingLine.Format(DrillReports.Sample());

        Assert.Equal(
            "drill: events=5000 closed=5000 lost=0 duplicates=0 throughput=100.0 ack_p50=2.04ms ack_p99=9.88ms push_p99=184ms peak_rss=812MB",
            line);
    }

    [Fact]
    public void Format_NoDashboardsAndNoMemory_NotAvailableForBoth()
    {
        var line = ClosingLine.Format(DrillReports.Sample(dashboards: 0, peakRssMb: null));

        Assert.Contains(" push_p99=n/a ", line, StringComparison.Ordinal);
        Assert.EndsWith(" peak_rss=n/a", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LossesAndDuplicates_Counted()
    {
        var line = ClosingLine.Format(DrillReports.Sample(lost: 3, duplicates: 2));

        Assert.Matches(new Regex(@"^drill: events=5000 closed=4997 lost=3 duplicates=2 throughput=[0-9.]+ ack_p50=[0-9.]+ms ack_p99=[0-9.]+ms push_p99=[0-9.]+ms peak_rss=[0-9]+MB$"), line);
    }
}
