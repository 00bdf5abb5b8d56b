using System.CommandLine;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest.Soak;

/// <summary><c>LoadTest soak …</c>: the options of the steady run.</summary>
public sealed class SoakSyntax
{
    private readonly Option<Uri> _url = DrillOption.Url();
    private readonly Option<int> _rate = DrillOption.Count("--rate", 300, "Cases started a second.");
    private readonly Option<int> _minutes = DrillOption.Count("--minutes", 30, "Minutes at the full rate, after the warm-up.");
    private readonly Option<int> _sampleSeconds = DrillOption.Count("--sample-seconds", 10, "Seconds between samples.");
    private readonly Option<int> _dashboards = DrillOption.Count("--dashboards", 4, "Reconnecting live dashboards.", minimum: 0);
    private readonly Option<string?> _samples = DrillOption.Text("--samples", "CSV file of the samples.", fallback: "soak.csv");
    private readonly Option<int?> _apiPid = DrillOption.OptionalCount("--api-pid", "The Api's process id, for its resident memory.");
    private readonly Option<string?> _postgres = DrillOption.Text("--postgres", "Connection string, to count the database's connections.");
    private readonly Option<int> _maxGrowth = DrillOption.Count("--max-growth-percent", 25, "Growth from the first third to the last that still counts as flat.", minimum: 0);
    private readonly Option<int> _warmup = DrillOption.Count("--warmup-seconds", 120, "Ramp from nothing to the full rate, sampled but not compared.", minimum: 0);

    public SoakSyntax() => Command = new(SoakOptions.Command, "Cases at a steady rate for a long time; fails when memory, activations or p99 grow.")
    {
        _url, _rate, _minutes, _sampleSeconds, _dashboards, _samples, _apiPid, _postgres, _maxGrowth, _warmup,
    };

    public Command Command { get; }

    public SoakOptions Bind(ParseResult parsed) => new(
        parsed.GetRequiredValue(_url),
        parsed.GetValue(_rate),
        TimeSpan.FromMinutes(parsed.GetValue(_minutes)),
        TimeSpan.FromSeconds(parsed.GetValue(_sampleSeconds)),
        parsed.GetValue(_dashboards),
        parsed.GetValue(_samples)!,
        parsed.GetValue(_apiPid),
        parsed.GetValue(_postgres),
        1 + parsed.GetValue(_maxGrowth) / 100.0,
        TimeSpan.FromSeconds(parsed.GetValue(_warmup)));
}
