using System.Net;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>The Api with a small per-caller budget: five requests, five more a second.</summary>
public sealed class RateLimitedApiFactory : GridActorsApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimiting:PermitsPerSecond"] = "5",
        ["RateLimiting:Burst"] = "5",
    };
}

public sealed class RateLimitingTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task ACallerOverItsBudget_Gets429Problem_AndHealthChecksStayUnlimited()
    {
        using var city = await api.ClientFor("city");

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => city.GetAsync("/api/topology")));
        var health = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => city.GetAsync("/healthz")));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await ProblemAssert.IsProblem(refused[0], HttpStatusCode.TooManyRequests);
        Assert.All(health, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
