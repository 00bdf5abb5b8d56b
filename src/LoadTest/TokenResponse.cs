namespace GridActors.LoadTest;

/// <summary>The answer of <c>POST /api/auth/dev-token</c>.</summary>
public sealed record TokenResponse(string Token);
