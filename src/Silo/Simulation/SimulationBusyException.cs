namespace GridActors.Silo.Simulation;

/// <summary>The simulation cannot start as asked while another run is going or being started: a 409 for the caller.</summary>
public sealed class SimulationBusyException(string message) : InvalidOperationException(message);
