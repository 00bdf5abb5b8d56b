using System.CommandLine;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest.Faults;

/// <summary><c>LoadTest fault …</c> (or <c>faults</c>): the options of the fault drill and its audit.</summary>
public sealed class FaultDrillSyntax
{
    private readonly Option<Uri> _url = DrillOption.Url();
    private readonly Option<string?> _postgres = DrillOption.Text("--postgres", "The cluster's database: the audit reads it.", required: true);
    private readonly Option<int> _cases = DrillOption.Count("--cases", 50_000, "Cases carried through the whole loop.");
    private readonly Option<int> _concurrency = DrillOption.Count("--concurrency", 64, "Lanes, each carrying one case at a time.");
    private readonly Option<int> _dashboards = DrillOption.Count("--dashboards", 4, "Reconnecting live dashboards.", minimum: 0);
    private readonly Option<string?> _faults = DrillOption.Text("--faults", "The fault log the injecting script writes.");
    private readonly Option<int> _expectFaults = DrillOption.Count("--expect-faults", 0, "Faults that must strike during the run.", minimum: 0);
    private readonly Option<string?> _progress = DrillOption.Text("--progress", "File the drill writes its progress to, for the injecting script.");
    private readonly Option<int> _patience = DrillOption.Count("--patience-seconds", 180, "How long one request is retried before it is abandoned.");

    public FaultDrillSyntax()
    {
        Command = new(FaultDrillOptions.Command, "The whole loop under injected faults, then an audit of everything acknowledged.")
        {
            _url, _postgres, _cases, _concurrency, _dashboards, _faults, _expectFaults, _progress, _patience,
        };
        Command.Aliases.Add("faults");
    }

    public Command Command { get; }

    public FaultDrillOptions Bind(ParseResult parsed) => new(
        parsed.GetRequiredValue(_url),
        parsed.GetValue(_postgres)!,
        parsed.GetValue(_cases),
        parsed.GetValue(_concurrency),
        parsed.GetValue(_dashboards),
        parsed.GetValue(_faults),
        parsed.GetValue(_progress),
        TimeSpan.FromSeconds(parsed.GetValue(_patience)),
        parsed.GetValue(_expectFaults));
}
