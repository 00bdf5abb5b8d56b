using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class EventQueriesTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 5, gridIndex: index);

    private static readonly object Person = new { name = "李小龙", phone = "13912345678", idNumber = "530422198001011234" };

    [Fact]
    public async Task GetEvent_Unknown_Is404Problem()
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync("/api/events/E-missing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetEvent_PersonalData_IsPlainForCityAndOwnTownshipAndMaskedForTheVillage()
    {
        using var city = await api.ClientFor("city");
        var created = await (await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid(0).Grid.Id, person: Person))).Json();
        var path = $"/api/events/{created.Str("id")}";
        using var township = await api.ClientFor("township", Grid(0).Township.Id);
        using var village = await api.ClientFor("village", Grid(0).Village.Id);

        var seenByTownship = (await township.GetFromJsonAsync<JsonElement>(path)).GetProperty("person");
        var seenByVillage = (await village.GetFromJsonAsync<JsonElement>(path)).GetProperty("person");

        Assert.Equal("李小龙", created.GetProperty("person").Str("name"));
        Assert.Equal("13912345678", seenByTownship.Str("phone"));
        Assert.Equal("李**", seenByVillage.Str("name"));
        Assert.Equal("139****5678", seenByVillage.Str("phone"));
        Assert.Equal("5304**********1234", seenByVillage.Str("idNumber"));
    }

    [Fact]
    public async Task GetEvent_Citizen_ReadsItsOwnReportButNotAnothers()
    {
        using var alice = await api.ClientFor("citizen", "alice");
        using var bob = await api.ClientFor("citizen", "bob");
        var id = (await alice.ReportAsync(Grid(1).Grid.Id)).Str("id");

        var own = await alice.GetAsync($"/api/events/{id}");
        var foreign = await bob.GetAsync($"/api/events/{id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ProblemAssert.IsProblem(foreign, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetEvent_AnotherTownship_Is403Problem()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(2).Grid.Id)).Str("id");
        using var other = await api.ClientFor("township", County.Township(0).Id);

        await ProblemAssert.IsProblem(await other.GetAsync($"/api/events/{id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListEvents_FindsEveryEventByGridTownshipStatusAndCategory()
    {
        using var city = await api.ClientFor("city");
        var grid = Grid(3);
        var hazards = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => city.ReportAsync(grid.Grid.Id)));
        var dispute = await city.ReportAsync(grid.Grid.Id, category: "dispute");
        await city.ActAsync(dispute.Str("id"), "cancel");

        var byGrid = await List(city, $"grid={grid.Grid.Id}");
        var byTownshipAndCategory = await List(city, $"township={grid.Township.Id}&category=dispute&pageSize=200");
        var cancelledInGrid = await List(city, $"grid={grid.Grid.Id}&status=cancelled");
        var dispatchedHazards = await List(city, $"grid={grid.Grid.Id}&status=dispatched&category=hazard");

        Assert.Equal(4, byGrid.GetProperty("total").GetInt32());
        Assert.Contains(Ids(byTownshipAndCategory), id => id == dispute.Str("id"));
        Assert.Equal([dispute.Str("id")], Ids(cancelledInGrid));
        Assert.Equal(hazards.Select(h => h.Str("id")).Order(), Ids(dispatchedHazards).Order());
    }

    [Fact]
    public async Task ListEvents_Pages()
    {
        using var city = await api.ClientFor("city");
        var grid = Grid(4);
        // From just before: another test may report in this grid too, earlier in the run.
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMilliseconds(-1).ToString("O"));
        for (var i = 0; i < 5; i++)
        {
            await city.ReportAsync(grid.Grid.Id);
        }

        var first = await List(city, $"grid={grid.Grid.Id}&from={since}&page=1&pageSize=2");
        var third = await List(city, $"grid={grid.Grid.Id}&from={since}&page=3&pageSize=2");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, third.GetProperty("items").GetArrayLength());
        Assert.Equal(3, third.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task ListEvents_TownshipOperator_SeesOnlyItsTownshipAndIsRefusedAnother()
    {
        using var township = await api.ClientFor("township", Grid(5).Township.Id);
        await township.ReportAsync(Grid(5).Grid.Id);

        var own = await List(township, "pageSize=200");
        var foreign = await township.GetAsync($"/api/events?township={County.Township(0).Id}");

        Assert.All(own.GetProperty("items").EnumerateArray(), e => Assert.Equal(Grid(5).Township.Id, e.Str("townshipId")));
        await ProblemAssert.IsProblem(foreign, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("status=sleeping")]
    [InlineData("page=0")]
    [InlineData("pageSize=500")]
    [InlineData("overdue=maybe")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task ListEvents_BadFilter_Is400Problem(string query)
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync($"/api/events?{query}"), HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> List(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/events?{query}");

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(e => e.Str("id"))];
}
