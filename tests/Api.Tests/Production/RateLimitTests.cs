using System.Net;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>An Api with a limit small enough to reach: two requests at once, one a second more, per subject.</summary>
public sealed class RateLimitedApiFactory : GridActorsApiFactory
{
    public static TestTokens Tokens { get; } =
        new("gridactors", "gridactors", "a-signing-key-for-the-rate-limit-tests-only");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = Tokens.SigningKey,
        ["RateLimiting:PermitsPerSecond"] = "1",
        ["RateLimiting:Burst"] = "2",
    };
}

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task OneSubjectOverItsLimit_Gets429_AnotherSubjectIsServed()
    {
        using var busy = Client("operator-busy");
        using var other = Client("operator-other");

        var busyAnswers = new List<HttpStatusCode>();
        // The bucket holds two and refills one a second: six requests in a row reach the bottom unless the
        // machine stalls for seconds between them.
        for (var request = 0; request < 6; request++)
        {
            busyAnswers.Add((await busy.GetAsync("/api/mode")).StatusCode);
        }
        var otherAnswer = await other.GetAsync("/api/mode");

        Assert.Contains(HttpStatusCode.TooManyRequests, busyAnswers);
        Assert.Equal(HttpStatusCode.OK, busyAnswers[0]);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
    }

    [Fact]
    public async Task Refusal_IsProblemWithTheLimit()
    {
        using var client = Client("operator-refused");

        var response = await client.GetAsync("/api/mode");
        for (var request = 1; request < 6 && response.StatusCode == HttpStatusCode.OK; request++)
        {
            response = await client.GetAsync("/api/mode");
        }

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.TooManyRequests);
        Assert.Contains("1 requests a second", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private HttpClient Client(string subject)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new("Bearer", (RateLimitedApiFactory.Tokens with { Subject = subject }).Issue());
        return client;
    }
}
