using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Reports;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class StormReportTests
{
    private static StormReport Report(int mismatches = 0, int resentSame = 2400, int errors = 0) => new(
        "LoadTest storm", "abc1234", MachineInfo.Current(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "http://127.0.0.1:5091/", "storm-x",
        new StormOptions(new Uri("http://127.0.0.1:5091"), 4000, 60, 1000, 8, 1, 0.01, true, null, "storm-x"),
        new StormIntake(240_000, 240, 12.5, 19_200, new Percentiles(240, 40, 35.2, 50, 80.4, 90, 95), [], 0, new Dictionary<string, int>()),
        new StormVerification(new Dictionary<int, int> { [201] = 4000, [200] = 236_000 }, 4000, 4000, 4000, 236_000, 0, 240_000, 2400, resentSame,
            mismatches, [], []),
        errors, [], "erased 4000 cases of storm-x");

    [Fact]
    public void SummaryLine_AnExactStorm_EveryFigureAndExactTrue()
    {
        var line = Report().SummaryLine();

        Assert.Equal("storm: alarms=240000 seconds=12.5 alarms_per_s=19200 batch_p50_ms=35.2 batch_p99_ms=80.4 cases=4000 folded=236000 " +
            "errors=0 retried_same=2400/2400 mismatches=0 exact=true", line);
        Assert.True(Report().Passed);
    }

    [Theory]
    [InlineData(1, 2400, 0, false)]
    [InlineData(0, 2399, 0, false)]
    [InlineData(0, 2400, 3, true)]
    public void Passed_AMismatchADifferentResendOrAnError_Fails(int mismatches, int resentSame, int errors, bool exact)
    {
        var report = Report(mismatches, resentSame, errors);

        Assert.False(report.Passed);
        Assert.Equal(exact, report.Exact);
        Assert.EndsWith($"exact={(exact ? "true" : "false")}", report.SummaryLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_AReport_HoldsTheFiguresAndTheVerdict()
    {
        var json = StormCommand.ToJson(Report());

        Assert.Contains("\"alarmsPerSecond\": 19200", json, StringComparison.Ordinal);
        Assert.Contains("\"exact\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"resentSame\": 2400", json, StringComparison.Ordinal);
    }
}
