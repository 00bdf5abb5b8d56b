namespace GridActors.Api.Contracts;

/// <summary>Switches the city (no scope, or the city id) or one township to <c>routine</c> or <c>emergency</c>.</summary>
public sealed record ModeRequest(string? Mode, string? Scope);
