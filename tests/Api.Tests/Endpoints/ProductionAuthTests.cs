using System.Net;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>The Api as it runs in Production: tokens come from the configured issuer, never from dev-token.</summary>
public sealed class ProductionApiFactory : GridActorsApiFactory
{
    protected override string EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = "a-production-signing-key-for-the-tests-only",
    };
}

public sealed class ProductionAuthTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
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
}
