using System.Globalization;

namespace GridActors.LoadTest.Metrics;

/// <summary>Memory figures of a process on this machine, from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
public static class ProcStatus
{
    /// <summary>Resident memory now.</summary>
    public const string Resident = "VmRSS";

    /// <summary>The highest resident memory of the process's life so far (high-water mark).</summary>
    public const string PeakResident = "VmHWM";

    /// <summary>The field in megabytes; null when the process or the field cannot be read.</summary>
    public static double? Megabytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // Gone, or not ours to read: the figure is unknown, not zero.
            return null;
        }
    }
}
