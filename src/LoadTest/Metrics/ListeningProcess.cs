using System.Globalization;

namespace GridActors.LoadTest.Metrics;

/// <summary>
/// Finds the process listening on a TCP port of this machine, the way <c>ss -ltnp</c> does: the port's socket
/// inode from <c>/proc/net/tcp</c> and <c>tcp6</c>, then the process holding that socket among
/// <c>/proc/*/fd</c>. It lets a drill against a local Api report the Api's memory without being told its pid.
/// </summary>
public static class ListeningProcess
{
    private const string Listen = "0A";

    public static int? Find(int port)
    {
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(ListeningSockets)
            .Where(s => s.Port == port)
            .Select(s => $"socket:[{s.Inode}]")
            .ToHashSet(StringComparer.Ordinal);
        if (inodes.Count == 0)
        {
            return null;
        }
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Holds(process, inodes))
            {
                return pid;
            }
        }
        return null;
    }

    /// <summary>The listening sockets of one table: <c>sl local_address rem_address st … uid timeout inode</c>.</summary>
    public static IEnumerable<(int Port, string Inode)> ListeningSockets(string table) =>
        File.ReadLines(table).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[3] == Listen)
            .Select(fields => (int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), fields[9]));

    private static bool Holds(string process, HashSet<string> inodes)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // Another user's process, or one that ended while we looked.
            return false;
        }
    }
}
