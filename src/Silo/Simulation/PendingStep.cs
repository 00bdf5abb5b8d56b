using GridActors.Grains.Interfaces.Events;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Silo.Simulation;

/// <summary>A case's next step, due at <see cref="At"/> on the county clock; <see cref="Attempt"/> counts the tries that failed.</summary>
public sealed record PendingStep(string EventId, CaseScript Script, EventCommand Command, DateTimeOffset At, int Attempt = 0);
