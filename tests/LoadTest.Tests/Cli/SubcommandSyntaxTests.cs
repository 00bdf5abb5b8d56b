using GridActors.LoadTest.Calibration;
using GridActors.LoadTest.Faults;
using GridActors.LoadTest.Soak;

namespace GridActors.LoadTest.Tests.Cli;

public sealed class SubcommandSyntaxTests
{
    [Fact]
    public void StorageBind_BenchmarksCommandLine_SampleCappedByWrites()
    {
        var syntax = new StorageDrillSyntax();
        var parsed = syntax.Command.Parse(["--postgres", "Host=x;Database=drill", "--writes", "300", "--concurrency", "256", "--rounds", "3"]);

        var options = syntax.Bind(parsed);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new StorageDrillOptions("Host=x;Database=drill", 300, 256, 3, 10_000, 300, null), options);
    }

    [Fact]
    public void StorageParse_NoPostgres_Refused()
    {
        var parsed = new StorageDrillSyntax().Command.Parse(["--writes", "5"]);

        Assert.Contains(parsed.Errors, e => e.Message.Contains("--postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void FaultBind_TheFaultScriptsCommandLine_EveryValueTaken()
    {
        var syntax = new FaultDrillSyntax();
        var parsed = syntax.Command.Parse(["--url", "http://127.0.0.1:5300", "--postgres", "Host=x", "--cases", "500", "--concurrency", "8",
            "--dashboards", "2", "--faults", "f.log", "--expect-faults", "3", "--progress", "p.txt"]);

        var options = syntax.Bind(parsed);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new FaultDrillOptions(new Uri("http://127.0.0.1:5300"), "Host=x", 500, 8, 2, "f.log", "p.txt", TimeSpan.FromSeconds(180), 3), options);
    }

    [Fact]
    public void SoakBind_Defaults_AsTheScriptsExpect()
    {
        var syntax = new SoakSyntax();

        var options = syntax.Bind(syntax.Command.Parse([]));

        Assert.Equal(new SoakOptions(new Uri("http://127.0.0.1:5080"), 300, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10), 4, "soak.csv",
            null, null, 1.25, TimeSpan.FromSeconds(120)), options);
    }

    [Fact]
    public void SoakBind_TheSoakScriptsCommandLine_EveryValueTaken()
    {
        var syntax = new SoakSyntax();
        var parsed = syntax.Command.Parse(["--url", "http://127.0.0.1:5190", "--rate", "100", "--minutes", "5", "--dashboards", "4",
            "--samples", "out.csv", "--api-pid", "99", "--postgres", "Host=y", "--max-growth-percent", "0", "--warmup-seconds", "0", "--sample-seconds", "2"]);

        var options = syntax.Bind(parsed);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new SoakOptions(new Uri("http://127.0.0.1:5190"), 100, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), 4, "out.csv",
            99, "Host=y", 1.0, TimeSpan.Zero), options);
    }

    [Fact]
    public void CalibrationBind_Defaults_TwentyThousandTimesWithProgressEveryHalfMinute()
    {
        var syntax = new CalibrationSyntax();

        var options = syntax.Bind(syntax.Command.Parse(["--url", "http://127.0.0.1:5090"]));

        Assert.Equal(new CalibrationOptions(new Uri("http://127.0.0.1:5090"), 20_000, TimeSpan.FromSeconds(30)), options);
    }

    [Fact]
    public void CalibrationParse_SpeedZero_Refused()
    {
        var parsed = new CalibrationSyntax().Command.Parse(["--speed", "0"]);

        Assert.Contains(parsed.Errors, e => e.Message.Contains("--speed", StringComparison.Ordinal));
    }
}
