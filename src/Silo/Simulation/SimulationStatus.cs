namespace GridActors.Silo.Simulation;

/// <summary>
/// What the simulation is doing: whether it runs, how fast, and what it has done since it started. A period's run
/// also has its <c>from</c> and <c>until</c>, the county time its arrivals have <c>reached</c>, and <c>completed</c>
/// once every step scripted before the cut-off is done.
/// </summary>
public sealed record SimulationStatus(
    bool Running,
    double Speed,
    double EventsPerDay,
    long Reported,
    long Actions,
    int OpenCases,
    DateTimeOffset? StartedAt,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    bool Completed = false,
    DateTimeOffset? Reached = null);
