using System.Globalization;

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

    public static DrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"'{args[i]}' is not a --name value pair.");
            }
            values[args[i][2..]] = args[++i];
        }

        var url = values.GetValueOrDefault("url", "http://127.0.0.1:5080");
        var options = new DrillOptions(
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--url '{url}' is not an absolute URL."),
            values.ContainsKey("events") ? Positive(values, "events", 0) : null,
            Flag(values, "loop", fallback: true),
            Positive(values, "requests", 20_000),
            Positive(values, "concurrency", 16),
            values.GetValueOrDefault("report"),
            values.ContainsKey("dashboards") ? Positive(values, "dashboards", 0) : 0);
        var unknown = values.Keys.Except(["url", "events", "loop", "requests", "concurrency", "report", "dashboards"]).ToList();
        return unknown.Count == 0 ? options : throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
    }

    private static bool Flag(Dictionary<string, string> values, string name, bool fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new ArgumentException($"--{name} must be true or false, not '{text}'.");

    private static int Positive(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'.");
    }
}
