using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class KeyPersonsEndpointsTests(GridActorsApiFactory api)
{
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 3, gridIndex: 40);

    private static object Person(string kind = "home", double everyDays = 7) => new
    {
        person = new { name = "赵六", phone = "13600002222", idNumber = "530422197001011234" },
        reason = "long-standing land dispute",
        visits = new[] { new { kind, everyDays } },
    };

    [Fact]
    public async Task Register_ByTheVillage_Is201AndTheGridsWorkerSeesItMasked()
    {
        using var village = await api.ClientFor("village", Grid.Village.Id);
        using var worker = await api.ClientFor("worker", Grid.Grid.Workers[0].Id);
        using var township = await api.ClientFor("township", Grid.Township.Id);

        var created = await village.PostAsJsonAsync($"/api/grids/{Grid.Grid.Id}/key-persons", Person());
        var seenByWorker = await worker.GetFromJsonAsync<JsonElement>($"/api/grids/{Grid.Grid.Id}/key-persons");
        var seenByTownship = await township.GetFromJsonAsync<JsonElement>($"/api/grids/{Grid.Grid.Id}/key-persons");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("home", (await created.Json()).GetProperty("visits")[0].Str("kind"));
        Assert.Contains(seenByWorker.EnumerateArray(), p => p.GetProperty("person").Str("name") == "赵*");
        Assert.Contains(seenByTownship.EnumerateArray(), p => p.GetProperty("person").Str("phone") == "13600002222");
    }

    [Fact]
    public async Task Register_ByAWorker_Is403Problem()
    {
        using var worker = await api.ClientFor("worker", Grid.Grid.Workers[0].Id);

        var response = await worker.PostAsJsonAsync($"/api/grids/{Grid.Grid.Id}/key-persons", Person());

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_AnotherTownshipsGrid_Is403Problem()
    {
        using var township = await api.ClientFor("township", County.Township(0).Id);

        await ProblemAssert.IsProblem(await township.GetAsync($"/api/grids/{Grid.Grid.Id}/key-persons"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("chat", 7, "visits[0].kind")]
    [InlineData("home", 0.001, "visits[0].everyDays")]
    public async Task Register_BadVisit_Is400Problem(string kind, double everyDays, string field)
    {
        using var city = await api.ClientFor("city");

        var response = await city.PostAsJsonAsync($"/api/grids/{Grid.Grid.Id}/key-persons", Person(kind, everyDays));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Register_UnknownGrid_Is404Problem()
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.PostAsJsonAsync("/api/grids/nowhere/key-persons", Person()), HttpStatusCode.NotFound);
    }
}
