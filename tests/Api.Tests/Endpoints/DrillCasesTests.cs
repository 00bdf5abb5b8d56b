using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Microsoft.Extensions.DependencyInjection;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// A drill's cases are marked with its id and kept out of the county's listings, statistics, boards and points,
/// and shown in the drill's own views. Each test reports into grids of its own under a drill id of its own; a
/// negative check waits first for a county case reported after the drill's to show.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DrillCasesTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 3, gridIndex: 50 + index);

    private static string NewDrill() => DrillCalls.NewDrill("cases");

    [Fact]
    public async Task Report_WithADrill_CarriesItForLife_AndIsListedOnlyInItsDrillsView()
    {
        var grid = Grid(0).Grid.Id;
        var drill = NewDrill();
        using var city = await api.ClientFor("city");

        var created = await city.PostAsJsonAsync("/api/events", DrillCalls.Report(grid, drill));
        var drillCase = await created.Json();
        var countyCase = await city.ReportAsync(grid);
        var read = await city.GetFromJsonAsync<JsonElement>($"/api/events/{drillCase.Str("id")}");
        var county = await city.GetFromJsonAsync<JsonElement>($"/api/events?grid={grid}");
        var ofDrill = await city.GetFromJsonAsync<JsonElement>($"/api/events?drill={drill}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(drill, drillCase.Str("drill"));
        Assert.Equal(drill, read.Str("drill"));
        Assert.Equal(JsonValueKind.Null, countyCase.GetProperty("drill").ValueKind);
        Assert.Contains(countyCase.Str("id"), Ids(county));
        Assert.DoesNotContain(drillCase.Str("id"), Ids(county));
        Assert.Equal([drillCase.Str("id")], Ids(ofDrill));
        Assert.Equal(drill, ofDrill.GetProperty("items")[0].Str("drill"));
    }

    [Fact]
    public async Task ReportBatch_ItemsWithADrill_AreMarkedOneByOne()
    {
        var grid = Grid(1).Grid.Id;
        var drill = NewDrill();
        using var city = await api.ClientFor("city");
        object[] items =
        [
            new { gridId = grid, category = "hazard", title = "Drill item", requestId = $"{drill}-1", drill },
            new { gridId = grid, category = "hazard", title = "Drill item", requestId = $"{drill}-2", drill = "Not_A_Drill" },
            new { gridId = grid, category = "hazard", title = "County item", requestId = $"{drill}-3" },
        ];

        var results = (await (await city.PostAsJsonAsync("/api/events/batch", items)).Json()).EnumerateArray().ToList();

        Assert.Equal([201, 400, 201], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(drill, results[0].GetProperty("event").Str("drill"));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("drill", out _));
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("event").GetProperty("drill").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("trailing\n")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")]
    public async Task Report_MalformedDrill_Is400NamingTheField_AndChangesNothing(string drill)
    {
        var key = $"bad-drill-{Guid.NewGuid():N}";
        using var city = await api.ClientFor("city");

        var refused = await city.SendAsync(DrillCalls.Keyed(DrillCalls.Report(Grid(2).Grid.Id, drill), key));
        // Nothing was filed under the key: the same key with a good report makes a new case.
        var filed = await city.SendAsync(DrillCalls.Keyed(EventCalls.Report(Grid(2).Grid.Id), key));

        var problem = await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("drill", out _));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
    }

    [Fact]
    public async Task Report_SameKeyWithAnotherDrill_Is409()
    {
        var key = $"drill-key-{Guid.NewGuid():N}";
        using var city = await api.ClientFor("city");

        var first = await city.SendAsync(DrillCalls.Keyed(DrillCalls.Report(Grid(2).Grid.Id, NewDrill()), key));
        var again = await city.SendAsync(DrillCalls.Keyed(DrillCalls.Report(Grid(2).Grid.Id, NewDrill()), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ClosedDrillCase_CountsOnlyInItsDrillsStatistics_AndPaysOnlyTheDrillsLedgers()
    {
        var grid = Grid(3);
        var drill = NewDrill();
        using var city = await api.ClientFor("city");
        var drillCase = await city.ReportDrillAsync(grid.Grid.Id, drill);
        await DrillCalls.Close(city, drillCase.Str("id"));
        var countyCase = await city.ReportAsync(grid.Grid.Id);
        await DrillCalls.Close(city, countyCase.Str("id"));
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var branch = ParticipantIds.Branch(grid.Grid.Id);

        // Positive signals first: the county case's branch award and the drill case's, each in its own ledger.
        var countyBranch = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>($"/api/points/{branch}"),
            ledger => ledger.GetProperty("balance").GetInt32() >= 1);
        var drillBranch = await Poll.Until(() => grains.GetGrain<ILedgerGrain>(ParticipantIds.InDrill(drill, branch)).GetView(),
            ledger => ledger.Balance >= 1);
        var stats = await Indicators(city, $"scope={grid.Grid.Id}&period=all");
        var drillStats = await Indicators(city, $"scope={grid.Grid.Id}&period=all&drill={drill}");
        var boards = await city.GetFromJsonAsync<JsonElement>($"/api/leaderboards?scope={grid.Grid.Id}&kind=branches&period=all");

        Assert.Equal(1, countyBranch.GetProperty("balance").GetInt32());
        Assert.All(countyBranch.GetProperty("entries").EnumerateArray(), e => Assert.Equal(countyCase.Str("id"), e.Str("ref")));
        Assert.Equal(1, drillBranch.Balance);
        Assert.Equal((1, 1), (stats.GetProperty("reported").GetInt32(), stats.GetProperty("closed").GetInt32()));
        Assert.Equal((1, 1), (drillStats.GetProperty("reported").GetInt32(), drillStats.GetProperty("closed").GetInt32()));
        Assert.Equal(100.0 / 12 / 30, Score(boards, branch), precision: 2);
    }

    [Fact]
    public async Task GetStats_MalformedDrill_Is400NamingTheField()
    {
        using var city = await api.ClientFor("city");

        var problem = await ProblemAssert.IsProblem(await city.GetAsync("/api/stats?drill=No%20Spaces"), HttpStatusCode.BadRequest);
        var listing = await ProblemAssert.IsProblem(await city.GetAsync("/api/events?drill=-x"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("drill", out _));
        Assert.True(listing.GetProperty("errors").TryGetProperty("drill", out _));
    }

    [Fact]
    public async Task CitizenReportInADrill_PaysTheDrillsCitizenLedger_NotTheCitizens()
    {
        var citizen = $"c{Guid.NewGuid():N}"[..12];
        var drill = NewDrill();
        using var client = await api.ClientFor("citizen", citizen);
        await client.PostAsJsonAsync("/api/events", DrillCalls.Report(Grid(4).Grid.Id, drill));
        await client.ReportAsync(Grid(4).Grid.Id);
        var grains = api.Services.GetRequiredService<IGrainFactory>();

        var own = await Poll.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/points/C-{citizen}"), l => l.GetProperty("balance").GetInt32() >= 5);
        var inDrill = await Poll.Until(() => grains.GetGrain<ILedgerGrain>(ParticipantIds.InDrill(drill, $"C-{citizen}")).GetView(), l => l.Balance >= 5);

        Assert.Equal(5, own.GetProperty("balance").GetInt32());
        Assert.Equal(5, inDrill.Balance);
    }

    private static async Task<JsonElement> Indicators(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/stats?{query}")).GetProperty("indicators");

    private static double Score(JsonElement boards, string id) =>
        new[] { "red", "yellow", "black" }.SelectMany(b => boards.GetProperty(b).EnumerateArray())
            .Single(e => e.Str("id") == id).GetProperty("score").GetDouble();

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(e => e.Str("id"))];
}
