using Spectre.Console;

namespace GridActors.LoadTest.Progress;

/// <summary>Picks the display: live on an interactive terminal, plain lines when stdout goes to a file or a pipe.</summary>
public static class ProgressDisplays
{
    public static IProgressDisplay ForThisConsole() =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi
            ? new LiveProgress(AnsiConsole.Console)
            : new PlainProgress(Console.Out, TimeSpan.FromSeconds(5));
}
