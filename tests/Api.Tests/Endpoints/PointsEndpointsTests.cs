using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class PointsEndpointsTests(GridActorsApiFactory api)
{
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 2, gridIndex: 50);

    private static object Redeem(string item, int points, string requestId) => new { item, points, requestId };

    [Fact]
    public async Task Citizen_EarnsFivePerAcceptedReport_RedeemsOnceAndIsRefusedWhenShort()
    {
        var citizen = $"c{Guid.NewGuid():N}"[..12];
        using var client = await api.ClientFor("citizen", citizen);
        for (var i = 0; i < 4; i++)
        {
            await client.ReportAsync(Grid.Grid.Id);
        }
        var ledger = $"/api/points/C-{citizen}";

        // The award travels in each report's outbox, delivered just after the 201.
        var earned = await Poll.Until(() => client.GetFromJsonAsync<JsonElement>(ledger), l => l.GetProperty("balance").GetInt32() == 20);
        var redeemed = await client.PostAsJsonAsync($"{ledger}/redeem", Redeem("towel-set", 20, "req-1"));
        var again = await client.PostAsJsonAsync($"{ledger}/redeem", Redeem("towel-set", 20, "req-1"));
        var short_ = await client.PostAsJsonAsync($"{ledger}/redeem", Redeem("towel-set", 20, "req-2"));

        Assert.Equal(20, earned.GetProperty("balance").GetInt32());
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal(0, (await again.Json()).GetProperty("balance").GetInt32());
        await ProblemAssert.IsProblem(short_, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("space-rocket", 10, "r", "item")]
    [InlineData("towel-set", 999, "r", "points")]
    [InlineData("subsidy-voucher-100", 200, "r", "item")]
    [InlineData("towel-set", 20, "", "requestId")]
    public async Task Redeem_BadRequest_Is400NamingTheField(string item, int points, string requestId, string field)
    {
        using var client = await api.ClientFor("citizen", "c-bad");

        var response = await client.PostAsJsonAsync("/api/points/C-c-bad/redeem", Redeem(item, points, requestId));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetLedger_AnotherCitizensOrAForeignWorkers_Is403Problem()
    {
        using var client = await api.ClientFor("citizen", "c-nosy");
        using var township = await api.ClientFor("township", County.Township(0).Id);

        await ProblemAssert.IsProblem(await client.GetAsync("/api/points/C-someone-else"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await township.GetAsync($"/api/points/{Grid.Grid.Workers[0].Id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetLedger_UnknownParticipant_Is404Problem()
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync("/api/points/W9999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLedger_WorkerSeesOwnAndItsGridsBranch()
    {
        using var worker = await api.ClientFor("worker", Grid.Grid.Workers[0].Id);

        var own = await worker.GetAsync($"/api/points/{Grid.Grid.Workers[0].Id}");
        var branch = await worker.GetAsync($"/api/points/P-{Grid.Grid.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, branch.StatusCode);
    }

    [Fact]
    public async Task Redeem_AWorkerOnAVolunteersLedger_Is403Problem()
    {
        var volunteer = County.Topology.VolunteerGrids.First(v => v.Value.Grid.Id == Grid.Grid.Id).Key;
        using var worker = await api.ClientFor("worker", Grid.Grid.Workers[0].Id);

        var read = await worker.GetAsync($"/api/points/{volunteer}");
        var spend = await worker.PostAsJsonAsync($"/api/points/{volunteer}/redeem", Redeem("training-day", 120, "steal"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ProblemAssert.IsProblem(spend, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("worker", "W0900")]
    [InlineData("volunteer", "W0001")]
    [InlineData("citizen", "bob")]
    public async Task Report_AnOperatorNamingAReporterOutsideItsArea_Is400Problem(string kind, string id)
    {
        using var village = await api.ClientFor("village", Grid.Village.Id);

        var response = await village.PostAsJsonAsync("/api/events",
            new { gridId = Grid.Grid.Id, category = "hazard", title = "t", reporter = new { kind, id } });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reporter.id", out _));
    }

    [Fact]
    public async Task Catalogue_ListsWhatPointsBuy()
    {
        using var citizen = await api.ClientFor("citizen", "c-shop");

        var items = await citizen.GetFromJsonAsync<JsonElement>("/api/points/catalogue");

        Assert.Contains(items.EnumerateArray(), i => i.Str("id") == "rice-5kg" && i.GetProperty("points").GetInt32() == 50);
    }
}
