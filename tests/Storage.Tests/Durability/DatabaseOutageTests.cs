using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.Durability;

/// <summary>
/// The database crashes under a running Api and comes back. While it is down a write is not acknowledged: it
/// answers 503 with Retry-After (never 500, never a 201 that is not durable) and readiness goes red. Once it is
/// back, readiness turns green by itself, the same request with the same Idempotency-Key is acknowledged once,
/// and everything acknowledged before the crash reads as it was.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private PrivatePostgres _server = null!;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync();
        _database = await TestDatabase.CreateAsync(_server.AdminConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _server.EnsureRunningAsync();
            await _database.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task DatabaseDown_WritesAnswer503WithRetryAfter_AndOnceItIsBack_TheSameKeysAreAcknowledgedOnce()
    {
        await using var api = await ApiProcess.StartAsync(_database);
        using var city = await api.ClientFor("city");
        using var probe = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        var before = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            before.Add((await city.ReportAsync(Reports.Grid(400 + i).Grid.Id))!);
        }
        var started = before[0];

        await _server.CrashAsync();
        using var reportDuring = await Report(city, "outage-report");
        using var startDuring = await Start(city, started, "outage-start");
        var readinessDuring = await Eventually.Until(() => Readiness(probe), status => status == HttpStatusCode.ServiceUnavailable, Within);

        await _server.StartAgainAsync();
        var readinessAfter = await Eventually.Until(() => Readiness(probe), status => status == HttpStatusCode.OK, Within);
        var reportAfter = await Eventually.Until(() => Answer(() => Report(city, "outage-report")), a => a.Status != HttpStatusCode.ServiceUnavailable, Within);
        var reportAgain = await Answer(() => Report(city, "outage-report"));
        var startAfter = await Eventually.Until(() => Answer(() => Start(city, started, "outage-start")), a => a.Status != HttpStatusCode.ServiceUnavailable, Within);
        var statuses = await Task.WhenAll(before.Select(async id => (await city.GetCaseAsync(id)).GetProperty("status").GetString()));
        var reportsMade = await _database.ScalarAsync<long>("SELECT count(*) FROM events WHERE title = 'Outage drill'");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (reportDuring.StatusCode, reportDuring.Headers.RetryAfter is not null));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (startDuring.StatusCode, startDuring.Headers.RetryAfter is not null));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readinessDuring);
        Assert.Equal(HttpStatusCode.OK, readinessAfter);
        Assert.Equal(HttpStatusCode.Created, reportAfter.Status);
        Assert.Equal((HttpStatusCode.OK, reportAfter.Id), (reportAgain.Status, reportAgain.Id));
        Assert.Equal((HttpStatusCode.OK, "in_progress"), (startAfter.Status, startAfter.CaseStatus));
        Assert.Equal(["in_progress", "dispatched", "dispatched", "dispatched", "dispatched", "dispatched"], statuses);
        Assert.Equal(1, reportsMade);
    }

    private static Task<HttpResponseMessage> Report(HttpClient city, string key) => city.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/events")
    {
        Content = JsonContent.Create(new { gridId = Reports.Grid(410).Grid.Id, category = "hazard", title = "Outage drill" }),
        Headers = { { "Idempotency-Key", key } },
    });

    private static Task<HttpResponseMessage> Start(HttpClient city, string id, string key) => city.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/events/{id}/start")
    {
        Content = JsonContent.Create(new { }),
        Headers = { { "Idempotency-Key", key } },
    });

    private static async Task<(HttpStatusCode Status, string? Id, string? CaseStatus)> Answer(Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, null);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("id").GetString(), body.GetProperty("status").GetString());
    }

    private static async Task<HttpStatusCode> Readiness(HttpClient probe)
    {
        using var response = await probe.GetAsync("/readyz");
        return response.StatusCode;
    }
}
