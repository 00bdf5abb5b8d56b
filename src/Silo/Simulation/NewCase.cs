using GridActors.Grains.Interfaces.Events;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Silo.Simulation;

/// <summary>A report still to be made, under the id it keeps through every retry; <see cref="Attempt"/> counts the tries that failed.</summary>
public sealed record NewCase(string EventId, ReportDraft Draft, CaseScript Script, DateTimeOffset At, int Attempt = 0);
