namespace GridActors.Api.Contracts;

/// <summary>
/// Starts the simulation; <c>speed</c> also sets the county clock (simulated seconds per real second). With
/// <c>from</c> and <c>until</c> it plays that period instead, in a county that holds no cases: the county clock is
/// set to <c>from</c>, and the simulation stops on its own at <c>until</c>, at the report's volume unless
/// <c>eventsPerDay</c> says otherwise (docs/CALIBRATION.md).
/// </summary>
public sealed record SimulationRequest(double? Speed = null, double? EventsPerDay = null, DateTimeOffset? From = null, DateTimeOffset? Until = null);
