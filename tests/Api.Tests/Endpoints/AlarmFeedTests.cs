using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Devices;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// <c>POST /api/feeds/alarms</c>: a device's alarms of one kind fold into one case, each alarm is answered in order,
/// a retried alarm id answers the same, and a bad alarm is its own item's 400. Every test sends under a drill of its
/// own, so its cases are apart from the county's and from other tests'.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AlarmFeedTests(GridActorsApiFactory api)
{
    private static readonly DeviceCatalogue Devices = DeviceCatalogue.For(County.Topology);
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-10);

    private static object Alarm(string drill, string deviceId, int second, string kind = "intrusion") => new
    {
        alarmId = $"{drill}-{deviceId}-{kind}-{second}",
        deviceId,
        kind,
        at = Start.AddSeconds(second),
        confidence = 0.87,
        snapshotUrl = $"https://video.example/{deviceId}/{second}.jpg",
        drill,
    };

    private async Task<HttpClient> Feed() => await api.ClientFor("feed", "video");

    [Fact]
    public async Task AStorm_OfTwoDevices_OpensOneCaseADevice_AndCountsEveryAlarm()
    {
        const string drill = "feed-storm";
        var (a, b) = (Devices.All[100].Id, Devices.All[101].Id);
        using var feed = await Feed();
        using var city = await api.ClientFor("city");

        var first = await feed.PostAsJsonAsync("/api/feeds/alarms", Enumerable.Range(0, 5).SelectMany(s => new[] { Alarm(drill, a, s), Alarm(drill, b, s) }));
        var second = await feed.PostAsJsonAsync("/api/feeds/alarms", Enumerable.Range(5, 5).Select(s => Alarm(drill, a, s)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answers = (await first.Json()).EnumerateArray().Concat((await second.Json()).EnumerateArray()).ToList();
        Assert.Equal(15, answers.Count);
        Assert.Equal(2, answers.Count(x => x.GetProperty("status").GetInt32() == 201));
        Assert.Equal(13, answers.Count(x => x.GetProperty("status").GetInt32() == 200 && x.GetProperty("folded").GetBoolean()));
        var caseOfA = answers[0].Str("eventId");
        Assert.Equal(2, answers.Select(x => x.Str("eventId")).Distinct().Count());
        var file = await city.GetFromJsonAsync<JsonElement>($"/api/events/{caseOfA}");
        Assert.Equal(10, file.GetProperty("alarms").GetInt32());
        Assert.Equal((a, "intrusion"), (file.GetProperty("alarmSource").Str("deviceId"), file.GetProperty("alarmSource").Str("kind")));
        Assert.Equal(("public-security", drill), (file.Str("category"), file.Str("drill")));
        Assert.Equal(Devices.All[100].GridId, file.Str("gridId"));
    }

    [Fact]
    public async Task TheSameAlarmAgain_GetsTheSameAnswer_AndIsNotCountedTwice()
    {
        const string drill = "feed-retry";
        var device = Devices.All[102].Id;
        using var feed = await Feed();
        using var city = await api.ClientFor("city");
        var batch = new[] { Alarm(drill, device, 0), Alarm(drill, device, 1) };

        var first = await (await feed.PostAsJsonAsync("/api/feeds/alarms", batch)).Json();
        var again = await (await feed.PostAsJsonAsync("/api/feeds/alarms", batch)).Json();

        Assert.Equal(first.GetRawText(), again.GetRawText());
        var file = await city.GetFromJsonAsync<JsonElement>($"/api/events/{first[0].Str("eventId")}");
        Assert.Equal(2, file.GetProperty("alarms").GetInt32());
    }

    [Fact]
    public async Task BadAlarms_GetTheirOwnErrors_AndTheGoodOnesAreFiled()
    {
        const string drill = "feed-bad";
        var device = Devices.All[103].Id;
        using var feed = await Feed();
        object[] batch =
        [
            new { alarmId = "x-1", deviceId = "CAM9999", kind = "intrusion", at = Start, drill },
            new { alarmId = "x-2", deviceId = device, kind = "meteor", at = Start, drill },
            new { alarmId = "x-3", deviceId = device, kind = "fire", at = DateTimeOffset.UtcNow.AddHours(1), drill },
            new { alarmId = "x-4", deviceId = device, kind = "fire", drill },
            new { alarmId = "x 5", deviceId = device, kind = "fire", at = Start, drill, snapshotUrl = "ftp://x" },
            Alarm(drill, device, 0, kind: "smoke"),
        ];

        var response = await feed.PostAsJsonAsync("/api/feeds/alarms", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Json()).EnumerateArray().ToList();
        Assert.Equal([400, 400, 400, 400, 400, 201], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.True(items[0].GetProperty("errors").TryGetProperty("deviceId", out _));
        Assert.True(items[1].GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(items[2].GetProperty("errors").TryGetProperty("at", out _));
        Assert.True(items[3].GetProperty("errors").TryGetProperty("at", out _));
        Assert.True(items[4].GetProperty("errors").TryGetProperty("alarmId", out _));
        Assert.True(items[4].GetProperty("errors").TryGetProperty("snapshotUrl", out _));
    }

    [Fact]
    public async Task AnAlarmIdReusedForAnotherAlarm_Is409()
    {
        const string drill = "feed-conflict";
        var device = Devices.All[104].Id;
        using var feed = await Feed();
        await feed.PostAsJsonAsync("/api/feeds/alarms", new[] { new { alarmId = "same", deviceId = device, kind = "crowd", at = Start, drill } });

        var reused = await (await feed.PostAsJsonAsync("/api/feeds/alarms",
            new[] { new { alarmId = "same", deviceId = device, kind = "crowd", at = Start.AddSeconds(9), drill } })).Json();

        Assert.Equal(409, reused[0].GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ARequest_OfNoneOrMoreThanAThousandAlarms_Is400(int count)
    {
        using var feed = await Feed();

        var response = await feed.PostAsJsonAsync("/api/feeds/alarms",
            Enumerable.Range(0, count).Select(i => Alarm("feed-size", Devices.All[105].Id, i)));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AWorker_MayNotFileAlarms()
    {
        using var worker = await api.ClientFor("worker", County.GridOf(0).Grid.Workers[0].Id);

        var response = await worker.PostAsJsonAsync("/api/feeds/alarms", new[] { Alarm("feed-worker", Devices.All[106].Id, 0) });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }
}
