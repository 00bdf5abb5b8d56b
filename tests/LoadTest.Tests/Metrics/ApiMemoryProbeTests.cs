using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Tests.Metrics;

public sealed class ApiMemoryProbeTests
{
    private const string Metrics = """
        # HELP process_working_set_bytes Working set.
        # TYPE process_working_set_bytes gauge
        process_working_set_bytes 524288000 1733300000000
        process_working_set_bytes_total 1
        dotnet_process_memory_working_set_bytes{instance="a"} 100
        dotnet_process_memory_working_set_bytes{instance="b"} 50
        """;

    [Fact]
    public void Read_AGaugeWithATimestamp_TheValueNotTheTimestamp() =>
        Assert.Equal(524_288_000, ApiMemoryProbe.Read(Metrics, "process_working_set_bytes"));

    [Fact]
    public void Read_AGaugeWithLabels_TheSumOfItsSeries() =>
        Assert.Equal(150, ApiMemoryProbe.Read(Metrics, "dotnet_process_memory_working_set_bytes"));

    [Fact]
    public void Read_AGaugeNotExported_Null() =>
        Assert.Null(ApiMemoryProbe.Read(Metrics, "process_resident_memory_bytes"));

    [Fact]
    public void Megabytes_ThisProcess_ResidentBelowItsPeak()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's");
        var pid = Environment.ProcessId;

        var resident = ProcStatus.Megabytes(pid, ProcStatus.Resident);
        var peak = ProcStatus.Megabytes(pid, ProcStatus.PeakResident);

        Assert.NotNull(resident);
        // The kernel keeps the high-water mark lazily (resident counters are synced per CPU), so a resident figure
        // read a moment earlier can stand a few pages above it (4 KB was seen in CI); a megabyte allows for that.
        Assert.InRange(resident.Value, 1, peak!.Value + 1);
    }

    [Fact]
    public void Megabytes_NoSuchProcess_Null() => Assert.Null(ProcStatus.Megabytes(int.MaxValue, ProcStatus.Resident));
}
