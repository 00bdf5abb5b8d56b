namespace GridActors.Api.Contracts;

/// <summary>Puts a worker on or off duty. Nullable so that a missing value is a 400, not a silent false.</summary>
public sealed record DutyRequest(bool? OnDuty);
