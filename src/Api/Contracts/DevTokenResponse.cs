namespace GridActors.Api.Contracts;

public sealed record DevTokenResponse(string Token, string Role, string Scope, DateTimeOffset ExpiresAt);
