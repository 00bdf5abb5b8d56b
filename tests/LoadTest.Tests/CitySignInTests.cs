using System.Net;

namespace GridActors.LoadTest.Tests;

public sealed class CitySignInTests
{
    [Fact]
    public async Task SignInAsync_ApiIssuesAToken_AsksForTheCityAndSendsItFromThenOn()
    {
        var api = new AnsweringHandler(_ => AnsweringHandler.Json(new { token = "tok-1", role = "city" }));
        using var http = api.Client();

        var token = await CitySignIn.SignInAsync(http, TestContext.Current.CancellationToken);

        Assert.Equal("tok-1", token);
        Assert.Equal("Bearer tok-1", http.DefaultRequestHeaders.Authorization?.ToString());
        var request = Assert.Single(api.Requests);
        Assert.Equal((HttpMethod.Post, "/api/auth/dev-token"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Contains("\"role\":\"city\"", await request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAsync_DevTokensOff_FailsWithoutAHeader()
    {
        using var http = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)).Client();

        await Assert.ThrowsAsync<HttpRequestException>(() => CitySignIn.SignInAsync(http, TestContext.Current.CancellationToken));

        Assert.Null(http.DefaultRequestHeaders.Authorization);
    }
}
