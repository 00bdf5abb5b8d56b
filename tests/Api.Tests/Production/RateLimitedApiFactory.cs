using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>
/// An Api with a limit small enough to reach: two requests at once, one a second more, per subject (or per
/// caller's address behind a proxy in 10.0.0.0/8).
/// </summary>
public sealed class RateLimitedApiFactory : GridActorsApiFactory
{
    public static TestTokens Tokens { get; } =
        new("gridactors", "gridactors", "a-signing-key-for-the-rate-limit-tests-only");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = Tokens.SigningKey,
        ["RateLimiting:PermitsPerSecond"] = "1",
        ["RateLimiting:Burst"] = "2",
        ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/8",
    };
}
