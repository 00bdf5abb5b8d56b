using System.Net;
using GridActors.Api.Auth;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>In Production the Orleans Dashboard, when switched on, is for city operators only.</summary>
public sealed class OrleansDashboardAccessTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private const string Page = "/orleans/";

    [Fact]
    public async Task WithoutToken_Is401()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ItsDataWithoutToken_Is401()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/orleans/DashboardCounters");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TownshipToken_Is403()
    {
        using var client = api.ClientWith((ProductionApiFactory.Tokens with { Role = Roles.Township, Scope = County.Township(0).Id }).Issue());

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CityToken_GetsThePage()
    {
        using var client = api.ClientWith(ProductionApiFactory.Tokens.Issue());

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
