using System.Net;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    // The bucket holds two and refills one a second, so a caller asking in a row meets the bottom within a few
    // requests; fifty only fail to reach it if each takes over a second.
    private const int Tries = 50;

    [Fact]
    public async Task OneSubjectOverItsLimit_Gets429_AnotherSubjectIsServed()
    {
        using var busy = Client("operator-busy");
        using var other = Client("operator-other");

        var refusal = await FirstRefusal(() => busy.GetAsync("/api/mode"));
        var otherAnswer = await other.GetAsync("/api/mode");

        Assert.NotNull(refusal);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
    }

    [Fact]
    public async Task Refusal_IsProblemWithTheLimit()
    {
        using var client = Client("operator-refused");

        var refusal = await FirstRefusal(() => client.GetAsync("/api/mode"));

        Assert.NotNull(refusal);
        var problem = await ProblemAssert.IsProblem(refusal, HttpStatusCode.TooManyRequests);
        Assert.Contains("1 requests a second", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousCallersBehindTheProxy_AreLimitedEachByTheirOwnAddress()
    {
        using var client = api.CreateClient();

        var refusal = await FirstRefusal(() => client.SendAsync(Open311Services(caller: "198.51.100.1")));
        var neighbour = await client.SendAsync(Open311Services(caller: "198.51.100.2"));

        Assert.NotNull(refusal);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    private static async Task<HttpResponseMessage?> FirstRefusal(Func<Task<HttpResponseMessage>> send)
    {
        for (var request = 0; request < Tries; request++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return null;
    }

    private static HttpRequestMessage Open311Services(string caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        request.Headers.Add(PeerAddressFilter.Header, "10.0.0.7");
        request.Headers.Add("X-Forwarded-For", caller);
        return request;
    }

    private HttpClient Client(string subject) => api.ClientWith((RateLimitedApiFactory.Tokens with { Subject = subject }).Issue());
}
