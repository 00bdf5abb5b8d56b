namespace GridActors.LoadTest.Storm;

/// <summary>
/// The command line of <c>LoadTest storm …</c>: every one of <see cref="Devices"/> video channels raises an alarm
/// once a simulated second for <see cref="Seconds"/> seconds, all sent to <c>POST /api/feeds/alarms</c> in
/// batches of <see cref="Batch"/> through <see cref="Concurrency"/> lanes as fast as the Api takes them; then
/// <see cref="RetryShare"/> of them again, and an exact check of the cases they opened and folded into.
/// </summary>
public sealed record StormOptions(
    Uri BaseUrl,
    int Devices,
    int Seconds,
    int Batch,
    int Concurrency,
    int Kinds,
    double RetryShare,
    bool Cleanup,
    string? ReportPath,
    string DrillId)
{
    public const string Command = "storm";

    /// <summary>The arguments exactly as given, for the report.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>When the run was started: every alarm's time lies in the <see cref="Seconds"/> before it.</summary>
    public DateTimeOffset StartedAt { get; init; }

    public int Alarms => Devices * Seconds;

    /// <summary>Where the JSON report goes: the path asked for, or one named after the drill under <c>drill-reports/</c>.</summary>
    public string JsonReportPath => ReportPath ?? Path.Combine("drill-reports", $"storm-{DrillId}.json");
}
