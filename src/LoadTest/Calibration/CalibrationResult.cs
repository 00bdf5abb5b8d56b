using System.Globalization;
using GridActors.Silo.Simulation.Model;

namespace GridActors.LoadTest.Calibration;

/// <summary>
/// What the system counted at the end of the simulated period, set beside the report's figures. <see cref="Open"/>
/// is the cases neither closed, cancelled nor parked: those still being worked at the cut-off.
/// </summary>
public sealed record CalibrationResult(
    int Reported,
    int Handled,
    int Cancelled,
    int Parked,
    int Open,
    int Disputes,
    int DisputesResolved,
    double? MeanHandlingHours)
{
    public ReportComparison Comparison => new(Reported, Handled, Disputes, DisputesResolved);

    public bool WithinTolerance => Comparison.WithinTolerance;

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"calibration: reported={Reported} handled={Handled} handled_rate={Comparison.HandledRate:F4} disputes={Disputes} " +
        $"disputes_resolved={DisputesResolved} disputes_rate={Comparison.DisputesRate:F4} within={Comparison.WorstDeviation * 100:F2}%");

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
        yield return string.Create(CultureInfo.InvariantCulture, $"| mean hours from report to closure | | {MeanHandlingHours:F1} | |");
    }
}
