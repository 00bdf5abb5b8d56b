using System.CommandLine;
using GridActors.Grains.Drills;
using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest.Storm;

/// <summary><c>LoadTest storm …</c>: the options of the alarm storm drill.</summary>
public sealed class StormSyntax
{
    /// <summary>The feed endpoint's limit for one request.</summary>
    public const int LargestBatch = 1000;

    private readonly Option<Uri> _url = DrillOption.Url();
    private readonly Option<int> _devices = DrillOption.Count("--devices", 4000, "Video channels that raise alarms (the first, by id).");
    private readonly Option<int> _seconds = DrillOption.Count("--seconds", 60, "Simulated seconds; every device raises one alarm a second.");
    private readonly Option<int> _batch = DrillOption.Count("--batch", LargestBatch, "Alarms in one request.", maximum: LargestBatch);
    private readonly Option<int> _concurrency = DrillOption.Count("--concurrency", 8, "Lanes, each with one batch in flight.");
    private readonly Option<int> _kinds = DrillOption.Count("--kinds", 1, "Alarm kinds a device alternates between.", maximum: AlarmKinds.All.Count);
    private readonly Option<double> _retryShare = DrillOption.Share("--retry-share", 0.01, "Share of the alarms sent again after the storm, to check the answers repeat.");
    private readonly Option<bool> _cleanup = DrillOption.Flag("--cleanup", true, "Erase the drill's cases at the end (DELETE /api/drills/{id}).");
    private readonly Option<string?> _report = DrillOption.Text("--report", "JSON report file; default drill-reports/storm-<drill>.json.");
    private readonly Option<string?> _drillId = DrillOption.Text("--drill-id", "Marks every alarm of the drill; default storm-<yyyyMMdd-HHmmss>.");

    public StormSyntax()
    {
        _drillId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && !DrillIds.IsValid(id))
            {
                result.AddError($"--drill-id '{id}': {DrillIds.Invalid}");
            }
        });
        Command = new(StormOptions.Command, "An alarm storm from the video feed, then an exact check of the cases it opened.")
        {
            _url, _devices, _seconds, _batch, _concurrency, _kinds, _retryShare, _cleanup, _report, _drillId,
        };
    }

    public Command Command { get; }

    public StormOptions Bind(ParseResult parsed, DateTimeOffset now) => new(
        parsed.GetRequiredValue(_url),
        parsed.GetValue(_devices),
        parsed.GetValue(_seconds),
        parsed.GetValue(_batch),
        parsed.GetValue(_concurrency),
        parsed.GetValue(_kinds),
        parsed.GetValue(_retryShare),
        parsed.GetValue(_cleanup),
        parsed.GetValue(_report),
        parsed.GetValue(_drillId) ?? $"storm-{now.UtcDateTime:yyyyMMdd-HHmmss}")
    {
        StartedAt = now,
    };
}
