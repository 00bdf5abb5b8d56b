using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// Grid volunteers (志愿者接单) through the API: a volunteer lists its grid's chores, grabs one, works it and is paid
/// when the command centre closes it; operators dispatch chores to volunteers; nothing else is theirs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VolunteerTasksTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 3, gridIndex: 30 + index);

    private static string VolunteerOf(int gridIndex, int nth = 0) => County.Topology.VolunteersOf(Grid(gridIndex).Grid.Id)[nth];

    [Fact]
    public async Task AVolunteer_GrabsAChoreOfItsGrid_WorksIt_AndEarnsPointsWhenItCloses()
    {
        var grid = Grid(0);
        using var township = await api.ClientFor("township", grid.Township.Id);
        var filed = await township.PostAsJsonAsync("/api/events",
            EventCalls.Report(grid.Grid.Id, "sanitary-city", "楼道堆放杂物", new { name = "李建华", phone = "13800000000" }));
        var id = (await filed.Json()).Str("id");
        using var volunteer = await api.ClientFor("volunteer", VolunteerOf(0));

        var onTheList = await volunteer.GetFromJsonAsync<JsonElement>($"/api/events?status=grabbing&pageSize=200");
        var grabbed = await volunteer.ActAsync(id, "grab");
        var started = await volunteer.ActAsync(id, "start");
        var held = await volunteer.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        var ownTasks = await volunteer.GetFromJsonAsync<JsonElement>("/api/events");
        var resolved = await volunteer.ActAsync(id, "resolve", new { note = "杂物已清理" });
        var closed = await township.ActAsync(id, "verify", new { passed = true });
        var seen = await volunteer.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        var byVolunteers = await township.GetFromJsonAsync<JsonElement>($"/api/events?grid={grid.Grid.Id}&assigneeKind=volunteer&status=closed");
        var ledger = await Poll.Until(
            () => volunteer.GetFromJsonAsync<JsonElement>($"/api/points/{VolunteerOf(0)}"),
            l => l.GetProperty("entries").EnumerateArray().Count(e => e.Str("ref") == id) == 2);

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Contains(onTheList.GetProperty("items").EnumerateArray(), e => e.Str("id") == id);
        Assert.All(onTheList.GetProperty("items").EnumerateArray(), e => Assert.Equal(grid.Grid.Id, e.Str("gridId")));
        Assert.Equal(HttpStatusCode.OK, grabbed.StatusCode);
        var assignee = (await grabbed.Json()).GetProperty("assignee");
        Assert.Equal(("volunteer", VolunteerOf(0)), (assignee.Str("kind"), assignee.Str("id")));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, resolved.StatusCode, closed.StatusCode));
        Assert.Equal("in_progress", held.Str("status"));
        Assert.NotEqual("李建华", held.GetProperty("person").Str("name"));
        Assert.NotEqual("13800000000", held.GetProperty("person").Str("phone"));
        Assert.Equal([id], ownTasks.GetProperty("items").EnumerateArray().Select(e => e.Str("id")));
        Assert.Equal("closed", seen.Str("status"));
        Assert.Equal([id], byVolunteers.GetProperty("items").EnumerateArray().Select(e => e.Str("id")));
        var earned = ledger.GetProperty("entries").EnumerateArray().Where(e => e.Str("ref") == id)
            .ToDictionary(e => e.Str("rule"), e => e.GetProperty("points").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["closed-on-time"] = 3, ["grabbed-case-closed"] = 1 }, earned);
    }

    [Fact]
    public async Task AnOperator_DispatchesAChoreToAVolunteerOfItsArea_WhoStartsIt()
    {
        var grid = Grid(1);
        using var township = await api.ClientFor("township", grid.Township.Id);
        var id = (await township.ReportAsync(grid.Grid.Id, "civilised-city")).Str("id");
        using var volunteer = await api.ClientFor("volunteer", VolunteerOf(1, nth: 1));

        var dispatched = await township.ActAsync(id, "dispatch", new { volunteerId = VolunteerOf(1, nth: 1) });
        var started = await volunteer.ActAsync(id, "start");

        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        Assert.Equal("volunteer", (await dispatched.Json()).GetProperty("assignee").Str("kind"));
        Assert.Equal("in_progress", (await started.Json()).Str("status"));
    }

    [Fact]
    public async Task AHazard_IsNoVolunteerTask_ToReadList_Grab_OrBeDispatched()
    {
        var grid = Grid(2);
        using var city = await api.ClientFor("city");
        var hazard = (await city.ReportAsync(grid.Grid.Id, "hazard")).Str("id");
        await city.ActAsync(hazard, "return");
        var offered = await city.ActAsync(hazard, "dispatch", new { mode = "grab" });
        using var volunteer = await api.ClientFor("volunteer", VolunteerOf(2));

        var read = await volunteer.GetAsync($"/api/events/{hazard}");
        var listed = await volunteer.GetAsync("/api/events?status=grabbing&category=hazard");
        var grabbed = await volunteer.ActAsync(hazard, "grab");
        var dispatched = await city.ActAsync(hazard, "dispatch", new { volunteerId = VolunteerOf(2) });
        var after = await city.GetFromJsonAsync<JsonElement>($"/api/events/{hazard}");

        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        await ProblemAssert.IsProblem(read, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(listed, HttpStatusCode.Forbidden);
        var refusal = await ProblemAssert.IsProblem(grabbed, HttpStatusCode.Conflict);
        Assert.Contains("not volunteer tasks", refusal.Str("detail"));
        await ProblemAssert.IsProblem(dispatched, HttpStatusCode.Conflict);
        Assert.Equal("grabbing", after.Str("status"));
    }

    [Fact]
    public async Task AVolunteerOfAnotherGrid_CannotGrabTheChore_NorNameSomeoneElse()
    {
        var grid = Grid(3);
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(grid.Grid.Id, "rural-environment")).Str("id");
        using var stranger = await api.ClientFor("volunteer", VolunteerOf(2));
        using var own = await api.ClientFor("volunteer", VolunteerOf(3));

        var strangers = await stranger.ActAsync(id, "grab");
        var forSomeoneElse = await own.ActAsync(id, "grab", new { volunteerId = VolunteerOf(3, nth: 1) });
        var asAWorker = await own.ActAsync(id, "grab", new { workerId = grid.Grid.Workers[0].Id });
        var after = await city.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        await ProblemAssert.IsProblem(strangers, HttpStatusCode.Forbidden);
        Assert.True((await ProblemAssert.IsProblem(forSomeoneElse, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("volunteerId", out _));
        await ProblemAssert.IsProblem(asAWorker, HttpStatusCode.BadRequest);
        Assert.Equal(("grabbing", JsonValueKind.Null), (after.Str("status"), after.GetProperty("assignee").ValueKind));
    }

    [Fact]
    public async Task VolunteerTokensTargetsAndKinds_AreChecked_AgainstTheCountysVolunteers()
    {
        var grid = Grid(1);
        using var anonymous = api.CreateClient();
        using var township = await api.ClientFor("township", grid.Township.Id);
        var id = (await township.ReportAsync(grid.Grid.Id, "civilised-city")).Str("id");

        var token = await anonymous.PostAsJsonAsync("/api/auth/dev-token", new { role = "volunteer", scope = "V9999" });
        var unknown = await township.ActAsync(id, "dispatch", new { volunteerId = "V9999" });
        var twoTargets = await township.ActAsync(id, "dispatch", new { volunteerId = VolunteerOf(1), workerId = grid.Grid.Workers[0].Id });
        var badKind = await township.GetAsync("/api/events?assigneeKind=robot");
        var after = await township.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        Assert.True((await ProblemAssert.IsProblem(token, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("scope", out _));
        Assert.True((await ProblemAssert.IsProblem(badKind, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("assigneeKind", out _));
        Assert.True((await ProblemAssert.IsProblem(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("volunteerId", out _));
        await ProblemAssert.IsProblem(twoTargets, HttpStatusCode.BadRequest);
        Assert.Equal("grabbing", after.Str("status"));
    }
}
