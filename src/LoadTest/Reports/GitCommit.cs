using System.Diagnostics;

namespace GridActors.LoadTest.Reports;

/// <summary>The commit the drill was built from, as <c>git rev-parse --short HEAD</c> in the current folder tells it.</summary>
public static class GitCommit
{
    public const string Unknown = "unknown";

    public static string Current()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return Unknown;
            }
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(TimeSpan.FromSeconds(5)) && git.ExitCode == 0 && output.Length > 0 ? output : Unknown;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine.
            return Unknown;
        }
    }
}
