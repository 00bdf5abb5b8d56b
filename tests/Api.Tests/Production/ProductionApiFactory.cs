using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>
/// The Api as it runs in Production: tokens from the configured issuer only, behind a proxy in 10.0.0.0/8 that
/// may forward one public host name, with the Orleans Dashboard switched on.
/// </summary>
public sealed class ProductionApiFactory : GridActorsApiFactory
{
    public static TestTokens Tokens { get; } =
        new("https://id.chengjiang.example", "gridactors-api", "a-production-signing-key-for-the-tests-only-and-long-enough-for-hs512");

    protected override string EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = Tokens.SigningKey,
        ["Auth:Issuer"] = Tokens.Issuer,
        ["Auth:Audience"] = Tokens.Audience,
        ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/8",
        ["ReverseProxy:AllowedHosts:0"] = "grid.chengjiang.example",
        ["Orleans:Dashboard"] = "true",
    };
}
