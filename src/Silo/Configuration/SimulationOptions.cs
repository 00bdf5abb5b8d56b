namespace GridActors.Silo.Configuration;

/// <summary><c>Simulation:*</c>: the built-in generator of field work for demos.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>Starts with the host: on for the run command (appsettings.Development.json), off in tests and drills.</summary>
    public bool Enabled { get; set; }

    /// <summary>The report's county saw 407,177 events in about 15 months: some 900 a day.</summary>
    public double EventsPerDay { get; set; } = 900;

    /// <summary>The seed of every draw: one seed replays one county (the cases' ids and the system's own choices aside).</summary>
    public int Seed { get; set; } = 20221116;
}
