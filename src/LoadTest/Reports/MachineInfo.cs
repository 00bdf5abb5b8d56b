using System.Globalization;
using System.Runtime.InteropServices;

namespace GridActors.LoadTest.Reports;

/// <summary>The machine the drill ran on, for the report's header: figures mean little without it.</summary>
public sealed record MachineInfo(string Host, int Cores, double? MemoryGb, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.MachineName, Environment.ProcessorCount, MemoryGb: TotalMemoryGb(), RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Host}: {Cores} cores, {(MemoryGb is { } gb ? $"{gb:F1} GB" : "memory unknown")}, {Os}, {Runtime}");

    /// <summary>The machine's memory from <c>/proc/meminfo</c>; elsewhere what the runtime may use.</summary>
    private static double? TotalMemoryGb()
    {
        const string MemTotal = "MemTotal:";
        if (File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(MemTotal, StringComparison.Ordinal)) is { } line
            && long.TryParse(line[MemTotal.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
        {
            return kilobytes / (1024.0 * 1024.0);
        }
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return available > 0 ? available / (1024.0 * 1024.0 * 1024.0) : null;
    }
}
