namespace GridActors.Silo.Simulation;

/// <summary>One call a tick makes for <see cref="Run"/>: a report or a case's step; answers go back to that run only.</summary>
public sealed record SimulationWork(SimulationRun Run, NewCase? Case, PendingStep? Step);
