using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class StatsEndpointsTests(GridActorsApiFactory api)
{
    [Fact]
    public async Task GetStats_ForAGrid_CountsItsCasesFromTheReadModel()
    {
        var grid = County.GridOf(townshipIndex: 4, gridIndex: 60);
        using var city = await api.ClientFor("city");
        var first = await city.ReportAsync(grid.Grid.Id);
        await city.ReportAsync(grid.Grid.Id);
        foreach (var (action, body) in new (string, object?)[] { ("start", null), ("resolve", null), ("verify", new { passed = true }) })
        {
            await city.ActAsync(first.Str("id"), action, body);
        }

        var stats = await city.GetFromJsonAsync<JsonElement>($"/api/stats?scope={grid.Grid.Id}&period=all");
        var indicators = stats.GetProperty("indicators");

        Assert.Equal("grid", stats.Str("level"));
        Assert.Equal(2, indicators.GetProperty("reported").GetInt32());
        Assert.Equal(1, indicators.GetProperty("closed").GetInt32());
        Assert.Equal(1, indicators.GetProperty("open").GetInt32());
        Assert.Equal(0.5, indicators.GetProperty("closureRate").GetDouble());
        Assert.Equal(1.0, indicators.GetProperty("onTimeRate").GetDouble());
    }

    [Theory]
    [InlineData("scope=atlantis")]
    [InlineData("period=decade")]
    public async Task GetStats_BadParameter_Is400Problem(string query)
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync($"/api/stats?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetStats_AnotherTownshipOrTheCity_Is403ProblemForATownshipOperator()
    {
        using var township = await api.ClientFor("township", County.Township(0).Id);

        await ProblemAssert.IsProblem(await township.GetAsync($"/api/stats?scope={County.Township(1).Id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await township.GetAsync("/api/stats"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetLeaderboards_ForTheCity_RanksTheSixTownshipsIntoBoards()
    {
        using var city = await api.ClientFor("city");

        var boards = await city.GetFromJsonAsync<JsonElement>("/api/leaderboards?scope=chengjiang&period=all");

        var all = new[] { "red", "yellow", "black" }.SelectMany(b => boards.GetProperty(b).EnumerateArray()).ToList();
        Assert.Equal(3, all.Count);
        Assert.All(all, e => Assert.NotNull(County.Topology.FindTownship(e.Str("id"))));
        Assert.True(boards.GetProperty("red")[0].GetProperty("score").GetDouble() >= boards.GetProperty("black")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task GetLeaderboards_BranchesOfAVillage_ScoreAgainstTheirTargets()
    {
        var grid = County.GridOf(townshipIndex: 4, gridIndex: 61);
        using var village = await api.ClientFor("village", grid.Village.Id);

        var boards = await village.GetFromJsonAsync<JsonElement>($"/api/leaderboards?scope={grid.Village.Id}&kind=branches&period=month");

        Assert.StartsWith("P-", boards.GetProperty("red")[0].Str("id"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scope=fenglu&kind=townships")]
    [InlineData("kind=heroes")]
    [InlineData("period=decade")]
    public async Task GetLeaderboards_BadParameter_Is400Problem(string query)
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync($"/api/leaderboards?{query}"), HttpStatusCode.BadRequest);
    }
}
