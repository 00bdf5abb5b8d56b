namespace GridActors.Silo.Configuration;

/// <summary><c>Simulation:*</c>: the built-in generator of field reports for demos and drills.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>On for the run command (appsettings.Development.json), off in tests and drills.</summary>
    public bool Enabled { get; set; }
}
