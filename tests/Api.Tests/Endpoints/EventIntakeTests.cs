using System.Net;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class EventIntakeTests(GridActorsApiFactory api)
{
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 3, gridIndex: 0);

    private static HttpRequestMessage Post(object body, string? key) => new(HttpMethod.Post, "/api/events")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key ?? "" } },
    };

    [Fact]
    public async Task Report_ByAWorkerInItsGrid_Is201WithLocationAndIsRoutedAtOnce()
    {
        using var worker = await api.ClientFor("worker", Grid.Grid.Workers[0].Id);

        var response = await worker.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id));
        var body = await response.Json();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/events/{body.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("dispatched", body.Str("status"));
        Assert.Equal("worker", body.GetProperty("assignee").Str("kind"));
        Assert.Equal(Grid.Township.Id, body.Str("townshipId"));
        Assert.Equal(["report", "accept", "dispatch"], body.GetProperty("history").EnumerateArray().Select(h => h.Str("action")));
        Assert.Equal(Grid.Grid.Workers[0].Id, body.GetProperty("reporter").Str("id"));
    }

    [Fact]
    public async Task Report_SameIdempotencyKeyTwice_IsOneEvent_AndAnotherBodyIs409()
    {
        using var city = await api.ClientFor("city");
        var key = Guid.NewGuid().ToString();

        var first = await city.SendAsync(Post(EventCalls.Report(Grid.Grid.Id), key));
        var again = await city.SendAsync(Post(EventCalls.Report(Grid.Grid.Id), key));
        var different = await city.SendAsync(Post(EventCalls.Report(Grid.Grid.Id, title: "Something else"), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Json()).Str("id"), (await again.Json()).Str("id"));
        await ProblemAssert.IsProblem(different, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Report_ConcurrentRetriesWithOneKey_AreOneEvent()
    {
        using var city = await api.ClientFor("city");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => city.SendAsync(Post(EventCalls.Report(Grid.Grid.Id), key))));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Json()).Str("id")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Report_WithLocationOnly_ResolvesItsGrid()
    {
        using var citizen = await api.ClientFor("citizen", "c-loc");
        var centroid = Grid.Grid.Centroid;

        var response = await citizen.PostAsJsonAsync("/api/events",
            new { category = "hazard", title = "Fallen tree", location = new { lat = centroid.Lat, lng = centroid.Lng } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Grid.Grid.Id, (await response.Json()).Str("gridId"));
    }

    public static TheoryData<string, string> BadReports => new()
    {
        { """{ "gridId": "GRID", "title": "t" }""", "category" },
        { """{ "gridId": "GRID", "category": "nonsense", "title": "t" }""", "category" },
        { """{ "gridId": "GRID", "category": "hazard" }""", "title" },
        { """{ "gridId": "no-such-grid", "category": "hazard", "title": "t" }""", "gridId" },
        { """{ "category": "hazard", "title": "t" }""", "gridId" },
        { """{ "gridId": "GRID", "category": "hazard", "title": "t", "priority": "whenever" }""", "priority" },
        { """{ "gridId": "GRID", "category": "hazard", "title": "t", "location": { "lat": 95, "lng": 1 } }""", "location" },
        { """{ "category": "hazard", "title": "t", "location": { "lat": 39.9, "lng": 116.4 } }""", "location" },
        { """{ "gridId": "GRID", "category": "hazard", "title": "t", "reporter": { "kind": "alien", "id": "x" } }""", "reporter.kind" },
        { """{ "gridId": "GRID", "category": "hazard", "title": "t", "person": { "phone": "call me" } }""", "person.phone" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task Report_BadField_Is400NamingIt(string json, string field)
    {
        using var city = await api.ClientFor("city");

        var response = await city.PostAsync("/api/events",
            new StringContent(json.Replace("GRID", Grid.Grid.Id, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Report_MalformedJson_Is400Problem()
    {
        using var city = await api.ClientFor("city");

        var response = await city.PostAsync("/api/events", new StringContent("{ \"title\": ", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Report_ByAWorkerInAnotherGrid_Is403Problem()
    {
        using var worker = await api.ClientFor("worker", County.GridOf(0).Grid.Workers[0].Id);

        var response = await worker.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Report_ByAnotherTownship_Is403Problem()
    {
        using var township = await api.ClientFor("township", County.Township(0).Id);

        var response = await township.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Report_WithoutToken_Is401Problem()
    {
        using var anonymous = api.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Batch_AnswersEachItemInOrder()
    {
        using var city = await api.ClientFor("city");
        var requestId = Guid.NewGuid().ToString();
        object[] items =
        [
            new { requestId, gridId = Grid.Grid.Id, category = "hazard", title = "one" },
            new { requestId = Guid.NewGuid().ToString(), gridId = "no-such-grid", category = "hazard", title = "two" },
            new { requestId, gridId = Grid.Grid.Id, category = "hazard", title = "one" },
            new { gridId = Grid.Grid.Id, category = "hazard", title = "no request id" },
            new { requestId, gridId = Grid.Grid.Id, category = "hazard", title = "one, changed" },
        ];

        var response = await city.PostAsJsonAsync("/api/events/batch", items);
        var results = (await response.Json()).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, results.Count);
        Assert.Equal([201, 400, 200, 400, 409], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(results[0].Str("id"), results[2].Str("id"));
        Assert.Equal(requestId, results[0].Str("requestId"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Batch_EmptyOrTooLarge_Is400Problem(int count)
    {
        using var city = await api.ClientFor("city");
        var items = Enumerable.Range(0, count).Select(i => new { requestId = $"r{i}", gridId = Grid.Grid.Id, category = "hazard", title = "t" });

        var response = await city.PostAsJsonAsync("/api/events/batch", items);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }
}
