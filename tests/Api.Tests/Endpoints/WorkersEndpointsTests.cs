using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class WorkersEndpointsTests(GridActorsApiFactory api)
{
    // Each test that changes duty takes a worker of its own grid, so tests never see each other's changes.
    private static GridActors.Grains.Topology.WorkerPlace WorkerOf(int gridIndex) =>
        County.Topology.FindWorker(County.GridOf(townshipIndex: 2, gridIndex).Grid.Workers[^1].Id)!;

    [Fact]
    public async Task GetWorker_Self_ShowsDutyTasksAndPoints()
    {
        var worker = WorkerOf(0);
        using var client = await api.ClientFor("worker", worker.Worker.Id);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/workers/{worker.Worker.Id}");

        Assert.Equal(worker.Worker.Name, body.GetProperty("name").GetString());
        Assert.Equal(worker.Home.Grid.Id, body.GetProperty("gridId").GetString());
        Assert.True(body.GetProperty("onDuty").GetBoolean());
        Assert.Equal(0, body.GetProperty("openTasks").GetInt32());
        Assert.Equal(0, body.GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task GetWorker_AfterClosingACase_ShowsTheBalanceOfTheWorkersLedger()
    {
        var grid = County.GridOf(townshipIndex: 1, gridIndex: 40);
        using var city = await api.ClientFor("city");
        var reported = await city.ReportAsync(grid.Grid.Id);
        var workerId = reported.GetProperty("assignee").Str("id");
        await DrillCalls.Close(city, reported.Str("id"));

        // The closing award reaches the ledger in the case's outbox, just after the answer.
        var ledger = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>($"/api/points/{workerId}"),
            l => l.GetProperty("balance").GetInt32() > 0);
        var worker = await city.GetFromJsonAsync<JsonElement>($"/api/workers/{workerId}");

        Assert.True(ledger.GetProperty("balance").GetInt32() > 0);
        Assert.Equal(ledger.GetProperty("balance").GetInt32(), worker.GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task GetWorker_AnotherWorker_Is403Problem()
    {
        using var client = await api.ClientFor("worker", WorkerOf(0).Worker.Id);

        var response = await client.GetAsync($"/api/workers/{WorkerOf(1).Worker.Id}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetWorker_ForeignTownshipOperator_Is403Problem()
    {
        using var client = await api.ClientFor("township", County.Township(0).Id);

        var response = await client.GetAsync($"/api/workers/{WorkerOf(0).Worker.Id}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetWorker_Unknown_Is404Problem()
    {
        using var client = await api.ClientFor("city");

        var response = await client.GetAsync("/api/workers/W9999");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetDuty_ByTheWorkersTownship_TogglesDutyAndTheGridSeesIt()
    {
        var worker = WorkerOf(2);
        using var client = await api.ClientFor("township", worker.Home.Township.Id);

        var off = await client.PutAsJsonAsync($"/api/workers/{worker.Worker.Id}/duty", new { onDuty = false });
        var afterOff = await client.GetFromJsonAsync<JsonElement>($"/api/workers/{worker.Worker.Id}");
        var gridSawIt = await OnDutyInGrid(client, worker, expected: false);
        var on = await client.PutAsJsonAsync($"/api/workers/{worker.Worker.Id}/duty", new { onDuty = true });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False(afterOff.GetProperty("onDuty").GetBoolean());
        Assert.True(afterOff.TryGetProperty("dutyChangedAt", out var changedAt) && changedAt.ValueKind == JsonValueKind.String);
        Assert.True(gridSawIt);
        Assert.True((await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onDuty").GetBoolean());
    }

    [Fact]
    public async Task SetDuty_BySelf_IsAllowed()
    {
        var worker = WorkerOf(3);
        using var client = await api.ClientFor("worker", worker.Worker.Id);

        var response = await client.PutAsJsonAsync($"/api/workers/{worker.Worker.Id}/duty", new { onDuty = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"onDuty\": null }")]
    [InlineData("{ \"onDuty\": \"sometimes\" }")]
    [InlineData("{ \"onDuty\": ")]
    [InlineData("")]
    public async Task SetDuty_BadBody_Is400ProblemAndChangesNothing(string body)
    {
        var worker = WorkerOf(4);
        using var client = await api.ClientFor("city");

        var response = await client.PutAsync($"/api/workers/{worker.Worker.Id}/duty",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/workers/{worker.Worker.Id}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(after.GetProperty("onDuty").GetBoolean());
    }

    [Fact]
    public async Task SetDuty_ByACitizen_Is403ProblemAndChangesNothing()
    {
        var worker = WorkerOf(5);
        using var citizen = await api.ClientFor("citizen", "c-3");
        using var city = await api.ClientFor("city");

        var response = await citizen.PutAsJsonAsync($"/api/workers/{worker.Worker.Id}/duty", new { onDuty = false });
        var after = await city.GetFromJsonAsync<JsonElement>($"/api/workers/{worker.Worker.Id}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
        Assert.True(after.GetProperty("onDuty").GetBoolean());
    }

    private static async Task<bool> OnDutyInGrid(HttpClient client, GridActors.Grains.Topology.WorkerPlace worker, bool expected)
    {
        bool OnDuty(JsonElement grid) => grid.GetProperty("onDutyWorkerIds").EnumerateArray().Any(w => w.GetString() == worker.Worker.Id);
        var grid = await Poll.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/grids/{worker.Home.Grid.Id}"), g => OnDuty(g) == expected);
        return OnDuty(grid) == expected;
    }
}
