using System.CommandLine;
using System.CommandLine.Invocation;
using GridActors.LoadTest.Calibration;
using GridActors.LoadTest.Faults;
using GridActors.LoadTest.Soak;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Cli;

/// <summary>
/// Every LoadTest command in one tree: the drill at the root, then <c>storage</c>, <c>fault</c> (<c>faults</c>),
/// <c>soak</c>, <c>calibrate</c> and <c>storm</c>. A command line that does not parse exits with 2 after saying why, so that a
/// script can tell a typo from a drill that failed (1).
/// </summary>
public static class LoadTestCommandLine
{
    public const int BadCommandLine = 2;

    public static RootCommand Create(IReadOnlyList<string> args)
    {
        var drill = new DrillSyntax();
        drill.Command.SetAction((parsed, cancellationToken) =>
            DrillCommand.RunAsync(drill.Bind(parsed, DateTimeOffset.UtcNow) with { Arguments = args }, cancellationToken));

        var storage = new StorageDrillSyntax();
        storage.Command.SetAction((parsed, _) => StorageDrillCommand.RunAsync(storage.Bind(parsed)));
        var fault = new FaultDrillSyntax();
        fault.Command.SetAction((parsed, _) => FaultDrillCommand.RunAsync(fault.Bind(parsed)));
        var soak = new SoakSyntax();
        soak.Command.SetAction((parsed, _) => SoakCommand.RunAsync(soak.Bind(parsed)));
        var calibrate = new CalibrationSyntax();
        calibrate.Command.SetAction((parsed, _) => CalibrateCommand.RunAsync(calibrate.Bind(parsed)));
        var storm = new StormSyntax();
        storm.Command.SetAction((parsed, cancellationToken) =>
            StormCommand.RunAsync(storm.Bind(parsed, DateTimeOffset.UtcNow) with { Arguments = args }, cancellationToken));

        drill.Command.Add(storage.Command);
        drill.Command.Add(fault.Command);
        drill.Command.Add(soak.Command);
        drill.Command.Add(calibrate.Command);
        drill.Command.Add(storm.Command);
        return drill.Command;
    }

    /// <summary>Parses and runs; a parse error is written to <paramref name="error"/> and answered with 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var parsed = Create(args).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }
            var command = parsed.CommandResult.Command;
            var path = command is RootCommand ? command.Name : $"{parsed.RootCommandResult.Command.Name} {command.Name}";
            await error.WriteLineAsync($"See '{path} --help' for the options.");
            return BadCommandLine;
        }
        return await parsed.InvokeAsync();
    }
}
