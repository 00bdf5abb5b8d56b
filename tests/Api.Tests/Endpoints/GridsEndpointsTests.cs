using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class GridsEndpointsTests(GridActorsApiFactory api)
{
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 1, gridIndex: 3);

    public static TheoryData<string, string?> CallersInScope => new()
    {
        { "city", null },
        { "township", Grid.Township.Id },
        { "village", Grid.Village.Id },
        { "worker", Grid.Grid.Workers[0].Id },
    };

    public static TheoryData<string, string?> CallersOutOfScope => new()
    {
        { "township", County.Township(0).Id },
        { "village", County.GridOf(0).Village.Id },
        { "worker", County.GridOf(0).Grid.Workers[0].Id },
        { "department", "public-security" },
        { "citizen", "c-1" },
    };

    [Theory]
    [MemberData(nameof(CallersInScope))]
    public async Task GetGrid_InScope_AnswersFromTheGridGrain(string role, string? scope)
    {
        using var client = await api.ClientFor(role, scope);

        var grid = await client.GetFromJsonAsync<JsonElement>($"/api/grids/{Grid.Grid.Id}");

        Assert.Equal(Grid.Grid.Name, grid.GetProperty("name").GetString());
        Assert.Equal(Grid.Township.Id, grid.GetProperty("townshipId").GetString());
        Assert.Equal(Grid.Grid.Workers.Count, grid.GetProperty("workerIds").GetArrayLength());
        Assert.True(grid.GetProperty("polygon").GetArrayLength() >= 4);
    }

    [Theory]
    [MemberData(nameof(CallersOutOfScope))]
    public async Task GetGrid_OutOfScope_Is403Problem(string role, string? scope)
    {
        using var client = await api.ClientFor(role, scope);

        var response = await client.GetAsync($"/api/grids/{Grid.Grid.Id}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetGrid_Unknown_Is404Problem()
    {
        using var client = await api.ClientFor("city");

        var response = await client.GetAsync("/api/grids/no-such-grid");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LocateGrid_AGridsCentroid_FindsThatGrid()
    {
        using var client = await api.ClientFor("citizen", "c-2");
        var (lat, lng) = (Grid.Grid.Centroid.Lat, Grid.Grid.Centroid.Lng);

        var located = await client.GetFromJsonAsync<JsonElement>(
            FormattableString.Invariant($"/api/grids/locate?lat={lat}&lng={lng}"));

        Assert.Equal(Grid.Grid.Id, located.GetProperty("id").GetString());
        Assert.Equal(Grid.Village.Id, located.GetProperty("villageId").GetString());
    }

    [Fact]
    public async Task LocateGrid_OutsideTheCounty_Is404Problem()
    {
        using var client = await api.ClientFor("city");

        var response = await client.GetAsync("/api/grids/locate?lat=39.9&lng=116.4");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("lng=102.9")]
    [InlineData("lat=124.6&lng=102.9")]
    [InlineData("lat=24.6&lng=-190")]
    [InlineData("lat=north&lng=102.9")]
    public async Task LocateGrid_BadCoordinates_Is400Problem(string query)
    {
        using var client = await api.ClientFor("city");

        var response = await client.GetAsync($"/api/grids/locate?{query}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }
}
