using System.CommandLine;
using System.Text.RegularExpressions;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest;

/// <summary>
/// The root command: the event drill (<c>--events</c>) or the read drill, with the option names that scripts and
/// docs have always called, each refusing a bad value with its own message.
/// </summary>
public sealed partial class DrillSyntax
{
    private readonly Option<Uri> _url = DrillOption.Url();
    private readonly Option<int?> _events = DrillOption.OptionalCount("--events", "Run the event drill with this many reports (without it: the read drill).");
    private readonly Option<bool> _loop = DrillOption.Flag("--loop", true, "Carry every case through the loop to its close.");
    private readonly Option<int> _requests = DrillOption.Count("--requests", 20_000, "Requests of the read drill.");
    private readonly Option<int> _concurrency = DrillOption.Count("--concurrency", 16, "Requests in flight at once (lanes).");
    private readonly Option<string?> _report = DrillOption.Text("--report", "Report file: HTML with JSON beside it (the read drill writes Markdown).");
    private readonly Option<int> _dashboards = DrillOption.Count("--dashboards", 0, "Live dashboards watching during the event drill.", minimum: 0);
    private readonly Option<string> _mode = new("--mode")
    {
        Description = "peak: every report at once, then the loop; field: reports at --rate while cases go through the loop.",
        HelpName = "peak|field",
        DefaultValueFactory = _ => "peak",
    };
    private readonly Option<int> _rate = DrillOption.Count("--rate", 200, "Reports a second in field mode.");
    private readonly Option<string?> _drillId = DrillOption.Text("--drill-id", "Marks every report of the drill (1-64 of a-z, 0-9, -); default drill-<yyyyMMdd-HHmmss>.");
    private readonly Option<bool> _cleanup = DrillOption.Flag("--cleanup", false, "Erase the drill's cases at the end (DELETE /api/drills/{id}).");
    private readonly Option<int?> _apiPid = DrillOption.OptionalCount("--api-pid", "The Api's process id, for its resident memory (found by port on this machine when left out).");

    public DrillSyntax()
    {
        _mode.AcceptOnlyFromAmong("peak", "field");
        _drillId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && !DrillIdPattern().IsMatch(id))
            {
                result.AddError($"--drill-id '{id}' must be 1 to 64 of a-z, 0-9 and '-'.");
            }
        });
        Command = new RootCommand("GridActors drills against a running Api. Without a command: the event drill (--events) or the read drill.")
        {
            _url, _events, _loop, _requests, _concurrency, _report, _dashboards, _mode, _rate, _drillId, _cleanup, _apiPid,
        };
    }

    public RootCommand Command { get; }

    public DrillOptions Bind(ParseResult parsed, DateTimeOffset now) => new(
        parsed.GetRequiredValue(_url),
        parsed.GetValue(_events),
        parsed.GetValue(_loop),
        parsed.GetValue(_requests),
        parsed.GetValue(_concurrency),
        parsed.GetValue(_report),
        parsed.GetValue(_dashboards),
        parsed.GetValue(_mode) == "field" ? DrillMode.Field : DrillMode.Peak,
        parsed.GetValue(_rate),
        parsed.GetValue(_drillId) ?? $"drill-{now.UtcDateTime:yyyyMMdd-HHmmss}",
        parsed.GetValue(_cleanup),
        parsed.GetValue(_apiPid))
    {
        StartedAt = now,
    };

    /// <summary>The Api's rule for a drill id, so that a bad one is refused here and not by every report.</summary>
    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex DrillIdPattern();
}
