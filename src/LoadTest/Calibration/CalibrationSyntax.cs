using System.CommandLine;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest.Calibration;

/// <summary><c>LoadTest calibrate …</c>: the options of the calibration run.</summary>
public sealed class CalibrationSyntax
{
    private readonly Option<Uri> _url = DrillOption.Url();
    private readonly Option<int> _speed = DrillOption.Count("--speed", 20_000, "Simulated seconds a real second.");
    private readonly Option<int> _progressSeconds = DrillOption.Count("--progress-seconds", 30, "Seconds between progress lines.");

    public CalibrationSyntax() => Command = new(CalibrationOptions.Command, "Plays the report's period on a fresh system and compares its figures with the report's.")
    {
        _url, _speed, _progressSeconds,
    };

    public Command Command { get; }

    public CalibrationOptions Bind(ParseResult parsed) => new(
        parsed.GetRequiredValue(_url), parsed.GetValue(_speed), TimeSpan.FromSeconds(parsed.GetValue(_progressSeconds)));
}
