namespace GridActors.Api.Contracts;

/// <summary>Asks for a development token: a role and, for every role but city, the id it is scoped to.</summary>
public sealed record DevTokenRequest(string? Role, string? Scope);
