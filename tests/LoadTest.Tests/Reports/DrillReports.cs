using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Tests.Reports;

/// <summary>Reports as a drill would build them, for the tests of what is written from them.</summary>
public static class DrillReports
{
    public static DrillReport Sample(int dashboards = 2, double? peakRssMb = 812.4, long lost = 0, long duplicates = 0) => new(
        new DrillHeader("dotnet LoadTest.dll --url http://127.0.0.1:5097 --events 5000", "abc1234",
            new MachineInfo("box", 2, 7.7, "Linux", ".NET 10"), new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 4, 9, 1, 0, TimeSpan.Zero), "http://127.0.0.1:5097/", "peak", "drill-20261204-090000", 16, null,
            dashboards, true, "/proc/42/status"),
        new DrillTotals(5000, 5000, 5000 - lost, lost, 0, lost, duplicates, 0, 0, 50, 99.98, 400, peakRssMb, false, null),
        [
            new LatencyReport(LatencyMeters.AckName, new Percentiles(5000, 2.5, 2.04, 4, 9.876, 20, 35), [new HistogramBucket(2, 2600), new HistogramBucket(5, 2400)]),
            new LatencyReport("verify", new Percentiles(5000, 3, 2.5, 4, 11, 30, 40), [new HistogramBucket(5, 5000)]),
            new LatencyReport(LatencyMeters.PushName, new Percentiles(120, 80, 70, 120, 183.6, 190, 190), [new HistogramBucket(200, 120)]),
        ],
        [new DrillSample(1, 400, 0, 0, 400, 400, 0, 9, 150, 700), new DrillSample(2, 800, 10, 0, 790, 400, 10, 8, null, 720)],
        null,
        []);
}
