using GridActors.Grains.Interfaces.Events;

namespace GridActors.Silo.Simulation.Model;

/// <summary>The next thing a case's people do, and how long after the step before it on the county clock.</summary>
public sealed record PlannedStep(EventCommand Command, TimeSpan After);
