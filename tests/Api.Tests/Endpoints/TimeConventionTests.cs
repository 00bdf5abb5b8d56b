using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>Every time the Api answers is UTC written with <c>Z</c>, read from the JSON text itself.</summary>
[Collection(ApiCollection.Name)]
public sealed class TimeConventionTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 1, gridIndex: 41 + index);

    [Theory]
    [InlineData("normal", 0)]
    [InlineData("critical", 1)]
    public async Task GetEvent_ACaseFile_WritesEveryTimeInUtc(string priority, int gridIndex)
    {
        using var city = await api.ClientFor("city");
        var reported = await city.PostAsJsonAsync("/api/events", new { gridId = Grid(gridIndex).Grid.Id, category = "hazard", title = "Loose cable", priority });
        var id = (await reported.Json()).Str("id");
        (await city.ActAsync(id, "start")).EnsureSuccessStatusCode();

        using var caseFile = JsonDocument.Parse(await city.GetStringAsync($"/api/events/{id}"));
        var times = JsonTimes.In(caseFile.RootElement);

        Assert.Contains(times, t => t.Path.StartsWith("$.deadlines", StringComparison.Ordinal));
        Assert.Contains(times, t => t.Path.StartsWith("$.history", StringComparison.Ordinal));
        Assert.All(times, t => Assert.EndsWith("Z", t.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PointsModeAndStats_WriteEveryTimeInUtc()
    {
        var grid = Grid(2);
        using var city = await api.ClientFor("city");
        var reported = await city.ReportAsync(grid.Grid.Id);
        await DrillCalls.Close(city, reported.Str("id"));
        var workerId = reported.GetProperty("assignee").Str("id");
        (await city.PutAsJsonAsync("/api/mode", new { mode = "routine", scope = grid.Township.Id })).EnsureSuccessStatusCode();

        var ledger = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>($"/api/points/{workerId}"),
            l => l.GetProperty("entries").GetArrayLength() > 0);
        var answers = new[]
        {
            ledger,
            await city.GetFromJsonAsync<JsonElement>("/api/mode"),
            await city.GetFromJsonAsync<JsonElement>($"/api/stats?scope={grid.Grid.Id}"),
            await city.GetFromJsonAsync<JsonElement>($"/api/events?grid={grid.Grid.Id}"),
            await city.GetFromJsonAsync<JsonElement>($"/api/workers/{workerId}"),
        };

        Assert.NotEmpty(JsonTimes.In(ledger));
        Assert.All(answers, answer => Assert.Empty(JsonTimes.NotUtc(answer)));
    }
}
