using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class AuthEndpointsTests(GridActorsApiFactory api)
{
    [Theory]
    [InlineData("city", null)]
    [InlineData("township", "fenglu")]
    [InlineData("village", "fenglu-01")]
    [InlineData("worker", "W0001")]
    [InlineData("department", "public-security")]
    [InlineData("citizen", "citizen-42")]
    public async Task DevToken_KnownRoleAndScope_IssuesAWorkingToken(string role, string? scope)
    {
        using var client = await api.ClientFor(role, scope);

        var response = await client.GetAsync("/api/topology");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("admin", "x", "role")]
    [InlineData("", null, "role")]
    [InlineData("township", "atlantis", "scope")]
    [InlineData("village", "fenglu", "scope")]
    [InlineData("worker", "W9999", "scope")]
    [InlineData("department", "", "scope")]
    [InlineData("citizen", "has spaces", "scope")]
    public async Task DevToken_BadRoleOrScope_Is400NamingTheField(string role, string? scope, string field)
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { role, scope });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task DevToken_MalformedJson_Is400Problem()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsync("/api/auth/dev-token",
            new StringContent("{ \"role\": ", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401Problem()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/api/topology");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_WithATokenSignedByAnotherKey_Is401Problem()
    {
        using var client = api.CreateClient();
        // A well-formed HS256 token whose signature no key of this host produced.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiY2l0eSIsInNjb3BlIjoiY2hlbmdqaWFuZyIsImlzcyI6ImdyaWRhY3RvcnMiLCJhdWQiOiJncmlkYWN0b3JzIn0.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g");

        var response = await client.GetAsync("/api/topology");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
    }
}
