namespace GridActors.Api.Contracts;

/// <summary>Starts the simulation; <c>speed</c> also sets the county clock (simulated seconds per real second).</summary>
public sealed record SimulationRequest(double? Speed, double? EventsPerDay);
