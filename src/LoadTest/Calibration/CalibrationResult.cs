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
    /// <summary>The largest allowed distance of any figure from the report's, as a share of the report's.</summary>
    public const double Tolerance = 0.01;

    public double HandledRate => Reported == 0 ? 0 : (double)Handled / Reported;

    public double DisputesRate => Disputes == 0 ? 0 : (double)DisputesResolved / Disputes;

    /// <summary>(figure, the report's, the system's), in the order of the summary line.</summary>
    public IReadOnlyList<(string Name, double Report, double Simulated)> Figures =>
    [
        ("reported", ReportFigures.Reported, Reported),
        ("handled", ReportFigures.Handled, Handled),
        ("handled_rate", (double)ReportFigures.Handled / ReportFigures.Reported, HandledRate),
        ("disputes", ReportFigures.Disputes, Disputes),
        ("disputes_resolved", ReportFigures.DisputesResolved, DisputesResolved),
        ("disputes_rate", (double)ReportFigures.DisputesResolved / ReportFigures.Disputes, DisputesRate),
    ];

    /// <summary>How far the farthest figure lies from the report's, as a share of the report's.</summary>
    public double WorstDeviation => Figures.Max(f => Math.Abs(f.Simulated - f.Report) / f.Report);

    public bool WithinTolerance => WorstDeviation <= Tolerance;

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"calibration: reported={Reported} handled={Handled} handled_rate={HandledRate:F4} disputes={Disputes} " +
        $"disputes_resolved={DisputesResolved} disputes_rate={DisputesRate:F4} within={WorstDeviation * 100:F2}%");

    /// <summary>The table of docs/CALIBRATION.md: each figure, the report's and the system's, and the split of the rest.</summary>
    public IEnumerable<string> Table()
    {
        yield return "| figure | report | simulated | off by |";
        yield return "|---|---:|---:|---:|";
        foreach (var (name, report, simulated) in Figures)
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
