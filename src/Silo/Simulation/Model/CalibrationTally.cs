namespace GridActors.Silo.Simulation.Model;

/// <summary>What the period's scripts add up to at the cut-off: the simulation's figures before any case is played.</summary>
public sealed record CalibrationTally(
    int Reported,
    int Handled,
    int Invalid,
    int Parked,
    int OpenAtCutOff,
    int Disputes,
    int DisputesResolved,
    double MedianHoursToClose,
    double MeanHoursToClose)
{
    public double HandledRate => (double)Handled / Reported;

    public double DisputesRate => (double)DisputesResolved / Disputes;
}
