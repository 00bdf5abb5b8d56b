using System.Globalization;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Everything the storm drill found, as written to its JSON report. <see cref="Errors"/> counts the alarms not
/// answered 201 or 200 and the requests that failed outright (batches given up on, re-sends, read-backs, the
/// cleanup); <see cref="FirstErrors"/> words the first few of the latter.
/// </summary>
public sealed record StormReport(
    string CommandLine,
    string Commit,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string BaseUrl,
    string DrillId,
    StormOptions Options,
    StormIntake Intake,
    StormVerification Verification,
    int Errors,
    IReadOnlyList<string> FirstErrors,
    string? Cleanup)
{
    public bool Exact => Verification.Exact;

    /// <summary>The drill passed: exact, and nothing failed on the way.</summary>
    public bool Passed => Exact && Errors == 0;

    /// <summary>The one line a script greps for.</summary>
    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"storm: alarms={Intake.Alarms} seconds={Intake.Seconds:F1} alarms_per_s={Intake.AlarmsPerSecond:F0} " +
        $"batch_p50_ms={Intake.BatchLatency.P50Ms:F1} batch_p99_ms={Intake.BatchLatency.P99Ms:F1} " +
        $"cases={Verification.Cases} folded={Verification.Folded} errors={Errors} " +
        $"retried_same={Verification.ResentSame}/{Verification.Resent} mismatches={Verification.Mismatches} " +
        $"exact={(Exact ? "true" : "false")}");
}
