using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace GridActors.Api.Tests.Production;

/// <summary>
/// The Api as it runs in Production: tokens from the configured issuer only, behind a proxy in 10.0.0.0/8, with
/// the Orleans Dashboard switched on.
/// </summary>
public sealed class ProductionApiFactory : GridActorsApiFactory
{
    public static TestTokens Tokens { get; } =
        new("https://id.chengjiang.example", "gridactors-api", "a-production-signing-key-for-the-tests-only");

    protected override string EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = Tokens.SigningKey,
        ["Auth:Issuer"] = Tokens.Issuer,
        ["Auth:Audience"] = Tokens.Audience,
        ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/8",
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

public sealed class ProductionAuthTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private static readonly TestTokens Tokens = ProductionApiFactory.Tokens;

    [Fact]
    public async Task DevToken_InProduction_Is404Problem()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { role = "city" });

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Readyz_InProduction_IsReady()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenOfTheConfiguredIssuer_IsAccepted()
    {
        using var client = api.ClientWith(Tokens.Issue());

        var response = await client.GetAsync("/api/mode");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> WrongTokens() => new()
    {
        "another issuer",
        "another audience",
        "another key",
        "expired a minute ago",
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task WrongToken_Is401(string wrong)
    {
        var token = wrong switch
        {
            "another issuer" => Tokens with { Issuer = "https://elsewhere.example" },
            "another audience" => Tokens with { Audience = "another-api" },
            "another key" => Tokens with { SigningKey = "a-key-nobody-configured-on-this-api-0123" },
            // Past the 30 s allowed for clocks, inside the handler's own default of five minutes.
            "expired a minute ago" => Tokens with { Expires = DateTime.UtcNow.AddMinutes(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };
        using var client = api.ClientWith(token.Issue());

        var response = await client.GetAsync("/api/mode");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedToken_Is401()
    {
        var claims = Tokens.Issue().Split('.')[1];
        var none = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var unsigned = $"{none}.{claims}.";
        using var client = api.ClientWith(unsigned);

        var response = await client.GetAsync("/api/mode");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
