using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ModeEndpointsTests(GridActorsApiFactory api)
{
    [Fact]
    public async Task PutMode_TownshipOperatorSwitchesItsOwnTownship_AndNewCasesRunInEmergency()
    {
        var grid = County.GridOf(townshipIndex: 2, gridIndex: 30);
        using var township = await api.ClientFor("township", grid.Township.Id);

        var switched = await township.PutAsJsonAsync("/api/mode", new { mode = "emergency", scope = grid.Township.Id });
        var modes = await township.GetFromJsonAsync<JsonElement>("/api/mode");
        var emergencyCase = await EventuallyInMode(township, grid.Grid.Id, "emergency");
        var farWorker = County.Topology.Grids.Last(g => g.Township.Id == grid.Township.Id).Grid.Workers[0].Id;
        using var far = await api.ClientFor("worker", farWorker);
        var grabbed = await far.ActAsync(emergencyCase.Str("id"), "grab");
        var back = await township.PutAsJsonAsync("/api/mode", new { mode = "routine", scope = grid.Township.Id });
        var routineCase = await EventuallyInMode(township, grid.Grid.Id, "routine");

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("emergency", modes.GetProperty("townships").GetProperty(grid.Township.Id).GetString());
        Assert.Contains(modes.GetProperty("history").EnumerateArray(), h => h.Str("scope") == grid.Township.Id && h.Str("actor") == $"township:{grid.Township.Id}");
        Assert.Equal("grabbing", emergencyCase.Str("status"));
        Assert.Equal(HttpStatusCode.OK, grabbed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("dispatched", routineCase.Str("status"));
    }

    [Fact]
    public async Task PutMode_AnotherTownship_Is403Problem()
    {
        using var township = await api.ClientFor("township", County.Township(0).Id);

        var response = await township.PutAsJsonAsync("/api/mode", new { mode = "emergency", scope = County.Township(1).Id });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PutMode_TheWholeCity_IsForTheCityOnly()
    {
        using var village = await api.ClientFor("village", County.GridOf(0).Village.Id);

        var response = await village.PutAsJsonAsync("/api/mode", new { mode = "emergency" });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{ "mode": "panic" }""", "mode")]
    [InlineData("""{ }""", "mode")]
    [InlineData("""{ "mode": "emergency", "scope": "atlantis" }""", "scope")]
    public async Task PutMode_BadBody_Is400Problem(string json, string field)
    {
        using var city = await api.ClientFor("city");

        var response = await city.PutAsync("/api/mode", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PutMode_WithAReason_LogsWhoAndWhy()
    {
        // Switching to the mode already in force is logged all the same, and leaves the other tests' cases alone.
        var township = County.Township(3).Id;
        var reason = $"Drill of the switch {Guid.NewGuid():N}";
        using var city = await api.ClientFor("city", subject: "ops-duty-officer");

        var switched = await city.PutAsJsonAsync("/api/mode", new { mode = "routine", scope = township, reason });
        var modes = await city.GetFromJsonAsync<JsonElement>("/api/mode");

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var logged = Assert.Single(modes.GetProperty("history").EnumerateArray(), h => h.TryGetProperty("reason", out var r) && r.GetString() == reason);
        Assert.Equal((township, "routine", "city:chengjiang", "ops-duty-officer"),
            (logged.Str("scope"), logged.Str("mode"), logged.Str("actor"), logged.Str("subject")));
        Assert.Equal(("routine", "routine", "township"), TownshipModeOf(modes, township));
    }

    [Theory]
    [InlineData(281)]
    [InlineData(-1)]
    public async Task PutMode_AnOverlongOrUnprintableReason_Is400ProblemAndChangesNothing(int length)
    {
        var township = County.Township(3).Id;
        // -1 stands for a reason with a control character: a bell, escaped in the JSON text.
        var reason = length < 0 ? "Storm\\u0007warning" : new string('r', length);
        using var city = await api.ClientFor("city");
        var before = await city.GetFromJsonAsync<JsonElement>("/api/mode");

        var response = await city.PutAsync("/api/mode", new StringContent(
            $$"""{ "mode": "emergency", "scope": "{{township}}", "reason": "{{reason}}" }""", System.Text.Encoding.UTF8, "application/json"));
        var after = await city.GetFromJsonAsync<JsonElement>("/api/mode");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("routine", after.GetProperty("townships").Str(township));
        Assert.Equal(before.GetProperty("history").GetRawText(), after.GetProperty("history").GetRawText());
    }

    private static (string Own, string Effective, string Source) TownshipModeOf(JsonElement modes, string township)
    {
        var detail = modes.GetProperty("townshipModes").GetProperty(township);
        return (detail.Str("own"), detail.Str("effective"), detail.Str("source"));
    }

    /// <summary>The switch reaches the grids one-way, a moment after the answer.</summary>
    private static Task<JsonElement> EventuallyInMode(HttpClient client, string gridId, string mode) =>
        Poll.Until(() => client.ReportAsync(gridId), reported => reported.Str("mode") == mode);
}
