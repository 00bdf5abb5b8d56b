using System.Net.Http.Headers;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerAddressFilter>());
    }

    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
