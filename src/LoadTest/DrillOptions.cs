namespace GridActors.LoadTest;

/// <summary>
/// The command line of a drill. <c>--events N</c> runs the event drill (N reports, each through the whole loop
/// unless <c>--loop false</c>); without it, <c>--requests N</c> runs the read drill. <c>--dashboards D</c> keeps D
/// live dashboards subscribed to the city during the event drill.
/// </summary>
public sealed record DrillOptions(Uri BaseUrl, int? Events, bool Loop, int Requests, int Concurrency, string? ReportPath, int Dashboards = 0)
{
    public const string Usage =
        "usage: dotnet run --project src/LoadTest -- --url http://127.0.0.1:5080 " +
        "[--events 10000 [--loop true|false] [--dashboards 4] | --requests 20000] [--concurrency 16] [--report report.md]";

    private static readonly string[] Known = ["url", "events", "loop", "requests", "concurrency", "report", "dashboards"];

    public static DrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, Known);
        return new DrillOptions(
            CommandLine.Url(values),
            values.ContainsKey("events") ? CommandLine.Count(values, "events", 0) : null,
            Flag(values, "loop", fallback: true),
            CommandLine.Count(values, "requests", 20_000),
            CommandLine.Count(values, "concurrency", 16),
            values.GetValueOrDefault("report"),
            values.ContainsKey("dashboards") ? CommandLine.Count(values, "dashboards", 0) : 0);
    }

    private static bool Flag(Dictionary<string, string> values, string name, bool fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new ArgumentException($"--{name} must be true or false, not '{text}'.");
}
