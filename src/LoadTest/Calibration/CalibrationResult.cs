using System.Globalization;
using GridActors.Silo.Simulation;
using GridActors.Silo.Simulation.Model;

namespace GridActors.LoadTest.Calibration;

/// <summary>
/// What the system counted at the end of the simulated period, set beside the report's figures. <see cref="Open"/>
/// is the cases neither closed, cancelled nor parked: those still being worked at the cut-off. <see cref="Dropped"/>
/// is the simulation's own count of reports and steps it gave up (<c>GET /api/simulation</c>). <see cref="ClosedByVolunteers"/>
/// is the closed cases a grid volunteer handled (docs/VOLUNTEERS.md).
/// </summary>
public sealed record CalibrationResult(
    int Reported,
    int Handled,
    int Cancelled,
    int Parked,
    int Open,
    int Disputes,
    int DisputesResolved,
    double? MeanHandlingHours,
    long Dropped,
    int ClosedByVolunteers = 0)
{
    public ReportComparison Comparison => new(Reported, Handled, Disputes, DisputesResolved);

    public bool WithinTolerance => Comparison.WithinTolerance;

    /// <summary>
    /// Every figure within tolerance and nothing dropped. A drop fails the check even when the figures agree: the
    /// calibration stands for the system playing the whole script, and a dropped report or step is script the
    /// system did not play (a case refused it, or it failed every try). The tolerance, 1 % of 407,177 reports,
    /// would hide thousands of them, so figures that match despite drops say nothing about the system.
    /// </summary>
    public bool Passed => WithinTolerance && Dropped == 0;

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"calibration: reported={Reported} handled={Handled} handled_rate={Comparison.HandledRate:F4} disputes={Disputes} " +
        $"disputes_resolved={DisputesResolved} disputes_rate={Comparison.DisputesRate:F4} within={Comparison.WorstDeviation * 100:F2}% dropped={Dropped}");

    /// <summary>Why a run whose figures agree still fails; null when nothing was dropped.</summary>
    public string? DroppedLine() => Dropped == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"dropped: the simulation gave up {Dropped:N0} reports or steps (refused by their case, or failed {SimulationRun.MaxAttempts} tries; " +
        $"the Api's log names each), so the counts are not of the whole script and the calibration fails");

    /// <summary>The table of docs/CALIBRATION.md: each figure, the report's and the system's, and the split of the rest.</summary>
    public IEnumerable<string> Table()
    {
        yield return "| figure | report | simulated | off by |";
        yield return "|---|---:|---:|---:|";
        foreach (var (name, report, simulated) in Comparison.Figures)
        {
            var format = name.EndsWith("_rate", StringComparison.Ordinal) ? "P2" : "N0";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {report.ToString(format, CultureInfo.InvariantCulture)} | {simulated.ToString(format, CultureInfo.InvariantCulture)} | {(simulated - report) / report:+0.00%;-0.00%;0.00%} |");
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"| not handled: invalid (cancelled) / parked / open at the cut-off | {ReportFigures.Reported - ReportFigures.Handled:N0} | {Cancelled:N0} / {Parked:N0} / {Open:N0} | |");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"| reports a grid worker ({ReportFigures.GridWorkers:N0} workers) | about 300 | {(double)Reported / ReportFigures.GridWorkers:F0} | |");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"| chores closed by a volunteer ({ReportFigures.Volunteers:N0} volunteers) | | {ClosedByVolunteers:N0}, {(double)ClosedByVolunteers / ReportFigures.Volunteers:F1} a volunteer | |");
        yield return string.Create(CultureInfo.InvariantCulture, $"| mean hours from report to closure | | {MeanHandlingHours:F1} | |");
        yield return string.Create(CultureInfo.InvariantCulture, $"| reports and steps dropped by the simulation | | {Dropped:N0} | |");
    }
}
