namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// A simulated period's counts set beside the report's (<see cref="ReportFigures"/>): each figure and rate, and how
/// far the farthest one lies from the report's, as a share of the report's. The calibrate command and the model's
/// tests judge by the same rule: every figure within <see cref="Tolerance"/>.
/// </summary>
public sealed record ReportComparison(int Reported, int Handled, int Disputes, int DisputesResolved)
{
    public const double Tolerance = 0.01;

    public double HandledRate => Reported == 0 ? 0 : (double)Handled / Reported;

    public double DisputesRate => Disputes == 0 ? 0 : (double)DisputesResolved / Disputes;

    /// <summary>(figure, the report's, the simulation's), in the order of the calibration line.</summary>
    public IReadOnlyList<(string Name, double Report, double Simulated)> Figures =>
    [
        ("reported", ReportFigures.Reported, Reported),
        ("handled", ReportFigures.Handled, Handled),
        ("handled_rate", (double)ReportFigures.Handled / ReportFigures.Reported, HandledRate),
        ("disputes", ReportFigures.Disputes, Disputes),
        ("disputes_resolved", ReportFigures.DisputesResolved, DisputesResolved),
        ("disputes_rate", (double)ReportFigures.DisputesResolved / ReportFigures.Disputes, DisputesRate),
    ];

    public double WorstDeviation => Figures.Max(f => Math.Abs(f.Simulated - f.Report) / f.Report);

    public bool WithinTolerance => WorstDeviation <= Tolerance;
}
