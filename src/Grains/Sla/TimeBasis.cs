namespace GridActors.Grains.Sla;

/// <summary>Whether a limit counts working hours of the calendar or every hour of the day.</summary>
public enum TimeBasis
{
    Working,
    Natural,
}
