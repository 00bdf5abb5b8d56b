namespace GridActors.LoadTest.Calibration;

/// <summary>
/// The command line of <c>LoadTest calibrate …</c>: the system to play the report's period on, and the county
/// clock's speed for it. At the default the period takes about 35 minutes, and a two-core machine keeps up
/// (docs/CALIBRATION.md); a faster clock only makes the simulation fall behind, which the counts survive but
/// the cases' times do not.
/// </summary>
public sealed record CalibrationOptions(Uri BaseUrl, int Speed, TimeSpan ProgressEvery)
{
    public const string Command = "calibrate";

    public const string Usage =
        "usage: dotnet run -c Release --project src/LoadTest -- calibrate --url http://127.0.0.1:5080 [--speed 20000] [--progress-seconds 30]";

    private static readonly string[] Known = ["url", "speed", "progress-seconds"];

    public static CalibrationOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, Known);
        return new CalibrationOptions(
            CommandLine.Url(values),
            CommandLine.Count(values, "speed", 20_000),
            TimeSpan.FromSeconds(CommandLine.Count(values, "progress-seconds", 30)));
    }
}
