using System.Net;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class EventActionsTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 4, gridIndex: index);

    [Fact]
    public async Task Loop_ThroughTheApi_WithAFailedVerificationAndRework_Closes()
    {
        using var township = await api.ClientFor("township", Grid(0).Township.Id);
        var reported = await township.ReportAsync(Grid(0).Grid.Id);
        var id = reported.Str("id");
        using var handler = await api.ClientFor("worker", reported.GetProperty("assignee").Str("id"));

        var steps = new (HttpClient Client, string Action, object? Body)[]
        {
            (handler, "start", null),
            (handler, "resolve", new { note = "cover fixed" }),
            (township, "verify", new { passed = false, note = "still rocks" }),
            (handler, "start", null),
            (handler, "resolve", null),
            (township, "verify", new { passed = true }),
        };
        var statuses = new List<string>();
        foreach (var (client, action, body) in steps)
        {
            var response = await client.ActAsync(id, action, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            statuses.Add((await response.Json()).Str("status"));
        }
        var closed = await township.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/events/{id}");

        Assert.Equal(["in_progress", "resolved", "dispatched", "in_progress", "resolved", "closed"], statuses);
        Assert.Equal(1, closed.GetProperty("reworkCount").GetInt32());
        Assert.Equal(JsonValueKindString, closed.GetProperty("closedAt").ValueKind);
        Assert.Contains(closed.GetProperty("history").EnumerateArray(), h => h.Str("action") == "verify" && h.GetProperty("note").GetString() == "still rocks");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;

    [Fact]
    public async Task Grab_ConcurrentWorkers_OneWins200AndTheRestGet409()
    {
        var grid = Grid(1);
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(grid.Grid.Id)).Str("id");
        await city.ActAsync(id, "return");
        Assert.Equal(HttpStatusCode.OK, (await city.ActAsync(id, "dispatch", new { mode = "grab" })).StatusCode);
        var workers = County.Topology.NeighboursOf(grid.Grid.Id)
            .SelectMany(n => County.Topology.FindGrid(n)!.Grid.Workers)
            .Concat(grid.Grid.Workers)
            .Select(w => w.Id)
            .Take(16)
            .ToList();
        var clients = await Task.WhenAll(workers.Select(w => api.ClientFor("worker", w)));

        var responses = await Task.WhenAll(clients.Select(c => c.ActAsync(id, "grab")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Grab_ByAWorkerFarAway_Is403Problem()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(2).Grid.Id, category: "sanitary-city")).Str("id");
        using var far = await api.ClientFor("worker", County.GridOf(0).Grid.Workers[0].Id);

        var response = await far.ActAsync(id, "grab");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Start_ByAWorkerWhoIsNotTheAssignee_Is403Problem()
    {
        using var city = await api.ClientFor("city");
        var reported = await city.ReportAsync(Grid(3).Grid.Id);
        var other = Grid(3).Grid.Workers.First(w => w.Id != reported.GetProperty("assignee").Str("id")).Id;
        using var bystander = await api.ClientFor("worker", other);

        var response = await bystander.ActAsync(reported.Str("id"), "start");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Start_ByTheDepartmentItWasDispatchedTo_IsAllowed()
    {
        using var city = await api.ClientFor("city");
        var reported = await city.ReportAsync(Grid(4).Grid.Id, category: "fire-hazard");
        var department = reported.GetProperty("assignee");
        using var client = await api.ClientFor("department", department.Str("id"));

        var response = await client.ActAsync(reported.Str("id"), "start");

        Assert.Equal("department", department.Str("kind"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dispatch_ToAWorkerOutsideTheOperatorsArea_Is403Problem()
    {
        using var township = await api.ClientFor("township", Grid(10).Township.Id);
        var id = (await township.ReportAsync(Grid(10).Grid.Id)).Str("id");

        var response = await township.ActAsync(id, "dispatch", new { workerId = County.GridOf(0).Grid.Workers[0].Id });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Act_WrongStep_Is409Problem()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(5).Grid.Id)).Str("id");

        var response = await city.ActAsync(id, "verify", new { passed = true });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Act_UnknownEvent_Is404Problem()
    {
        using var city = await api.ClientFor("city");

        var response = await city.ActAsync("E-no-such-event", "accept");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Act_ByAnotherTownship_Is403Problem()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(6).Grid.Id)).Str("id");
        using var other = await api.ClientFor("township", County.Township(0).Id);

        var response = await other.ActAsync(id, "escalate");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string, string> BadActions => new()
    {
        { "fly", "{}", "action" },
        { "verify", "{}", "passed" },
        { "extend", "{}", "hours" },
        { "extend", """{ "hours": -2 }""", "hours" },
        { "dispatch", "{}", "workerId" },
        { "dispatch", """{ "workerId": "W0001", "departmentId": "public-security" }""", "workerId" },
        { "dispatch", """{ "workerId": "W9999" }""", "workerId" },
        { "dispatch", """{ "departmentId": "space-agency" }""", "departmentId" },
        { "dispatch", """{ "mode": "lottery" }""", "mode" },
    };

    [Theory]
    [MemberData(nameof(BadActions))]
    public async Task Act_BadBody_Is400ProblemAndChangesNothing(string action, string json, string field)
    {
        using var city = await api.ClientFor("city");
        var reported = await city.ReportAsync(Grid(7).Grid.Id);

        var response = await city.PostAsync($"/api/events/{reported.Str("id")}/{action}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var after = await city.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/events/{reported.Str("id")}");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(reported.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Dispatch_ToANamedWorkerThenExtendParkAndRedispatch_AllCount()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(8).Grid.Id)).Str("id");
        var target = Grid(9).Grid.Workers[0].Id;

        var dispatched = await (await city.ActAsync(id, "dispatch", new { workerId = target })).Json();
        var extended = await (await city.ActAsync(id, "extend", new { hours = 24, note = "waiting for parts" })).Json();
        var parked = await (await city.ActAsync(id, "park", new { note = "needs a budget" })).Json();
        var supervised = await (await city.ActAsync(id, "supervise")).Json();
        var back = await (await city.ActAsync(id, "dispatch", new { departmentId = "public-security" })).Json();

        Assert.Equal(target, dispatched.GetProperty("assignee").Str("id"));
        Assert.Equal(1, extended.GetProperty("extensionCount").GetInt32());
        Assert.Equal("parked", parked.Str("status"));
        Assert.Equal(1, supervised.GetProperty("supervisionCount").GetInt32());
        Assert.Equal("dispatched", back.Str("status"));
        Assert.Equal("public-security", back.GetProperty("assignee").Str("id"));
    }
}
