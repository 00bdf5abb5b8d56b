using System.Net;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace GridActors.Api.Tests.Production;

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
        "another algorithm",
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
            // The right key, but HMAC-SHA512: refused by ValidAlgorithms alone.
            "another algorithm" => Tokens with { Algorithm = SecurityAlgorithms.HmacSha512 },
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
