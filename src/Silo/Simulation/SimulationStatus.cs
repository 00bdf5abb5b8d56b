namespace GridActors.Silo.Simulation;

/// <summary>What the simulation is doing: whether it runs, how fast, and what it has done since it started.</summary>
public sealed record SimulationStatus(
    bool Running,
    double Speed,
    double EventsPerDay,
    long Reported,
    long Actions,
    int OpenCases,
    DateTimeOffset? StartedAt);
