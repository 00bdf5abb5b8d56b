using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// docs/API.md "Requests that change things": a retried action — its first answer lost to a timeout — answers the
/// first outcome and applies nothing twice; a key reused for something else, or a stale If-Match, is refused.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotentActionsTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 2, gridIndex: 56 + index);

    private static Task<HttpResponseMessage> Act(HttpClient client, string id, string action, object? body, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    [Theory]
    [InlineData("extend", "{\"hours\":4}")]
    [InlineData("escalate", "{}")]
    [InlineData("supervise", "{\"note\":\"督办\"}")]
    public async Task Action_RetriedWithTheSameKey_IsAppliedOnce(string action, string body)
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(0).Grid.Id)).Str("id");
        var request = JsonSerializer.Deserialize<JsonElement>(body);

        var first = await Act(city, id, action, request, key: $"retry-{action}");
        var second = await Act(city, id, action, request, key: $"retry-{action}");
        var file = await city.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal((await first.Json()).GetProperty("version").GetInt64(), (await second.Json()).GetProperty("version").GetInt64());
        Assert.Single(file.GetProperty("history").EnumerateArray(), h => h.Str("action") == action);
    }

    [Fact]
    public async Task Action_SameKeyWithAnotherBody_Is409AndChangesNothing()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(1).Grid.Id)).Str("id");
        await Act(city, id, "extend", new { hours = 2 }, key: "k-extend");

        var reused = await Act(city, id, "extend", new { hours = 9 }, key: "k-extend");
        var file = await city.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

        await ProblemAssert.IsProblem(reused, HttpStatusCode.Conflict);
        Assert.Equal(1, file.GetProperty("extensionCount").GetInt32());
    }

    [Fact]
    public async Task Action_IfMatchAnOlderVersion_Is412_AndTheCurrentVersionSucceeds()
    {
        using var city = await api.ClientFor("city");
        var reported = await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid(2).Grid.Id));
        var tag = reported.Headers.ETag!.Tag;
        var id = (await reported.Json()).Str("id");
        await Act(city, id, "supervise", null);
        var current = await city.GetAsync($"/api/events/{id}");

        var stale = await Act(city, id, "escalate", null, ifMatch: tag);
        var fresh = await Act(city, id, "escalate", null, ifMatch: current.Headers.ETag!.Tag);

        await ProblemAssert.IsProblem(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(tag, fresh.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("\"v-seven\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"01\"")]
    public async Task Action_IfMatchNoCaseVersionCanMatch_Is412(string ifMatch)
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(3).Grid.Id)).Str("id");

        var response = await Act(city, id, "supervise", null, ifMatch: ifMatch);

        await ProblemAssert.IsProblem(response, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Action_IfMatchNotAnEntityTag_Is400()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(3).Grid.Id)).Str("id");

        var response = await Act(city, id, "supervise", null, ifMatch: "seven");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Action_Answer_LeavesOutTheHistory()
    {
        using var city = await api.ClientFor("city");
        var id = (await city.ReportAsync(Grid(4).Grid.Id)).Str("id");

        var answer = await (await Act(city, id, "supervise", null)).Json();

        Assert.False(answer.TryGetProperty("history", out _));
        Assert.Equal("dispatched", answer.Str("status"));
    }

    [Fact]
    public async Task Report_SameKeyFromTwoOperatorsOfOneTownship_MakesTwoCases()
    {
        var township = Grid(5).Township.Id;
        using var first = await api.ClientFor("township", township, subject: "operator-li");
        using var second = await api.ClientFor("township", township, subject: "operator-wang");

        var a = await first.SendAsync(Keyed(Grid(5).Grid.Id, "shift-report-1"));
        var b = await second.SendAsync(Keyed(Grid(5).Grid.Id, "shift-report-1"));
        var again = await first.SendAsync(Keyed(Grid(5).Grid.Id, "shift-report-1"));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (idA, idB, idAgain) = ((await a.Json()).Str("id"), (await b.Json()).Str("id"), (await again.Json()).Str("id"));
        Assert.NotEqual(idA, idB);
        Assert.Equal(idA, idAgain);
    }

    private static HttpRequestMessage Keyed(string gridId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(EventCalls.Report(gridId)) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
