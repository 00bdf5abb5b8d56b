namespace GridActors.Silo.Simulation;

/// <summary>
/// What the simulation is doing: whether it runs, how fast, and what it has done since it started. A period's run
/// also has its <c>from</c> and <c>until</c>, the county time its arrivals have <c>reached</c>, and <c>completed</c>
/// once every step scripted before the cut-off is done. <c>OpenCases</c> are the cases whose script has a step
/// still to come (parked cases have none); <c>Dropped</c> counts reports and steps given up — refused by the case,
/// or failed every attempt — so a completed period with none dropped played everything it scripted.
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
    DateTimeOffset? Reached = null,
    long Dropped = 0);
