using System.Globalization;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// The faults the script injected, one line each, written as it injects them: the Unix time in milliseconds
/// and a name (<c>1764621000123 silo-killed</c>).
/// </summary>
public static class FaultLog
{
    public static async Task<IReadOnlyList<(string Name, DateTimeOffset At)>> ReadAsync(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return [];
        }
        var faults = new List<(string, DateTimeOffset)>();
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                faults.Add((parts[1], DateTimeOffset.FromUnixTimeMilliseconds(ms)));
            }
        }
        return faults;
    }
}
