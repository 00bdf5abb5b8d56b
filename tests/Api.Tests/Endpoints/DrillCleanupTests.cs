using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;
using Microsoft.Extensions.DependencyInjection;

namespace GridActors.Api.Tests.Endpoints;

/// <summary><c>DELETE /api/drills/{id}</c>: one call erases the drill's every case, open or closed, and nothing else.</summary>
[Collection(ApiCollection.Name)]
public sealed class DrillCleanupTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 3, gridIndex: 45 + index);

    private static string NewDrill() => DrillCalls.NewDrill("cleanup");

    [Fact]
    public async Task DeleteDrill_ErasesItsCasesOpenOrClosed_WithTheirTasksDeadlinesAndLedgers_AndIsIdempotent()
    {
        var grid = Grid(0);
        var drill = NewDrill();
        using var city = await api.ClientFor("city");
        var closed = await city.ReportDrillAsync(grid.Grid.Id, drill);
        await DrillCalls.Close(city, closed.Str("id"));
        var open = await city.ReportDrillAsync(grid.Grid.Id, drill);
        var parked = await city.ReportDrillAsync(grid.Grid.Id, drill);
        (await city.ActAsync(parked.Str("id"), "park", new { note = "waiting for parts" })).EnsureSuccessStatusCode();
        var other = await city.ReportDrillAsync(grid.Grid.Id, NewDrill());
        var county = await city.ReportAsync(grid.Grid.Id);
        var worker = open.GetProperty("assignee").Str("id");
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var branch = ParticipantIds.InDrill(drill, ParticipantIds.Branch(grid.Grid.Id));
        await Poll.Until(() => grains.GetGrain<ILedgerGrain>(branch).GetView(), ledger => ledger.Balance >= 1);

        var erased = await city.DeleteAsync($"/api/drills/{drill}");
        var again = await city.DeleteAsync($"/api/drills/{drill}");

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var body = await erased.Json();
        Assert.Equal((drill, 3), (body.Str("drill"), body.GetProperty("cases").GetInt32()));
        Assert.Equal(0, (await again.Json()).GetProperty("cases").GetInt32());
        foreach (var gone in new[] { closed, open, parked })
        {
            await ProblemAssert.IsProblem(await city.GetAsync($"/api/events/{gone.Str("id")}"), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblem(await city.ActAsync(gone.Str("id"), "cancel"), HttpStatusCode.NotFound);
        }
        Assert.Equal(0, (await city.GetFromJsonAsync<JsonElement>($"/api/events?drill={drill}")).GetProperty("total").GetInt32());
        var stats = await city.GetFromJsonAsync<JsonElement>($"/api/stats?scope={grid.Grid.Id}&period=all&drill={drill}");
        Assert.Equal(0, stats.GetProperty("indicators").GetProperty("reported").GetInt32());
        var tasks = (await city.GetFromJsonAsync<JsonElement>($"/api/workers/{worker}")).GetProperty("openTaskIds");
        Assert.DoesNotContain(open.Str("id"), tasks.EnumerateArray().Select(t => t.GetString()));
        var armed = await grains.GetGrain<IDeadlineGrain>(grid.Grid.Id).GetArmed();
        Assert.DoesNotContain(armed, a => a.Target.Id == open.Str("id") || a.Target.Id == parked.Str("id"));
        Assert.Equal(0, (await grains.GetGrain<ILedgerGrain>(branch).GetView()).EntryCount);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/events/{other.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/events/{county.Str("id")}")).StatusCode);
    }

    [Theory]
    [InlineData("township")]
    [InlineData("worker")]
    public async Task DeleteDrill_ByAnyoneButTheCity_Is403Problem_AndErasesNothing(string role)
    {
        var grid = Grid(1);
        var drill = NewDrill();
        using var city = await api.ClientFor("city");
        using var caller = await api.ClientFor(role, role == "township" ? grid.Township.Id : grid.Grid.Workers[0].Id);
        var reported = await city.ReportDrillAsync(grid.Grid.Id, drill);

        var refused = await caller.DeleteAsync($"/api/drills/{drill}");

        await ProblemAssert.IsProblem(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/events/{reported.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task DeleteDrill_MalformedId_Is400Problem()
    {
        using var city = await api.ClientFor("city");

        var problem = await ProblemAssert.IsProblem(await city.DeleteAsync("/api/drills/Not_A_Drill"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("drill", out _));
    }
}
