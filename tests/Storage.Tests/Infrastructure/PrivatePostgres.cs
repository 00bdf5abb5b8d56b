using System.Diagnostics;
using System.Globalization;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own, for the one thing the shared server must not do: go down. It runs
/// from the same binaries as the shared one (initdb and pg_ctl in a temporary folder, on a free port, as the
/// postgres user when the tests run as root) with default settings, and stops the way a crash stops it.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _binaries;
    private readonly int _port;
    private bool _running;

    private PrivatePostgres(string folder, string binaries, int port) => (_folder, _binaries, _port) = (folder, binaries, port);

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var binaries = Binaries();
        var folder = Directory.CreateTempSubdirectory("gridactors-private-pg.").FullName;
        if (IsRoot)
        {
            await Run("chown", "postgres", folder);
        }
        var server = new PrivatePostgres(folder, binaries, FreePorts.Next());
        await server.AsOwner("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary><c>pg_ctl stop -m immediate</c>: every backend killed, nothing flushed but the WAL.</summary>
    public async Task CrashAsync()
    {
        await AsOwner("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        _running = false;
    }

    /// <summary>Starts the server (again), recovering from its WAL, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await AsOwner("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w",
            "-o", $"-p {_port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1", "start");
        _running = true;
    }

    /// <summary>Brings a crashed server back, so that what a failed test leaves can still be cleaned up.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!_running)
        {
            await StartAgainAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await CrashAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private string Data => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsOwner(string tool, params string[] arguments) => IsRoot
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_binaries, tool), .. arguments])
        : Run(Path.Combine(_binaries, tool), arguments);

    private static string Binaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql.")
            : throw new InvalidOperationException("No PostgreSQL server binaries: run the tests with `bash eng/test.sh`.");

    private static async Task Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
