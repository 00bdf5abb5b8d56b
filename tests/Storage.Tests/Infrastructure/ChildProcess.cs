using System.Collections.Concurrent;
using System.Diagnostics;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// A built GridActors host (<c>dotnet Some.dll --key=value …</c>) run as a child process, its recent output kept
/// for failure messages, and killed the way <c>kill -9</c> kills: no shutdown code runs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The process's last lines of output.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Runs the dll from its own folder, so it reads the appsettings.json beside it.</summary>
    public static ChildProcess Start(string dll, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The host the dotnet CLI runs under, so the child runs on the same SDK's runtime as the tests.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>kill -9 of the process and anything it started.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }
}
