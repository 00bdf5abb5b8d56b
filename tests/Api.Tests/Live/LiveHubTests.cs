using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class LiveHubTests(LiveApiFactory api)
{
    private static readonly string CityId = County.Topology.City.Id;

    [Fact]
    public async Task Subscribe_City_SendsASnapshotOfEveryGridThenDeltasOfNewReports()
    {
        var grid = County.GridOf(townshipIndex: 2, gridIndex: 5);
        using var city = await api.ClientFor("city");
        await using var live = await LiveConnection.Open(api, await api.TokenFor("city"));

        var group = await live.Subscribe("city");
        var snapshot = (await live.WaitFor("snapshot", _ => true)).Body;
        var before = Kpi(snapshot, "reportedToday");
        var openBefore = snapshot.GetProperty("grids").EnumerateArray().Single(l => l.Str("id") == grid.Grid.Id).GetProperty("open").GetInt32();
        List<string> reported = [];
        for (var i = 0; i < 3; i++)
        {
            reported.Add((await city.ReportAsync(grid.Grid.Id)).Str("id"));
        }
        var acknowledged = live.Now;
        var kpi = await live.WaitFor("kpi", update => Kpi(update, "reportedToday") >= before + 3);
        await live.WaitFor("grid", update => update.GetProperty("grids").EnumerateArray()
            .Any(load => load.Str("id") == grid.Grid.Id && load.GetProperty("open").GetInt32() == openBefore + 3));
        var fed = await Poll.Until(() => Task.FromResult(FedCaseIds(live)), ids => reported.All(ids.Contains));

        Assert.Equal("city", group);
        Assert.Equal("snapshot", live.Received[0].Kind);
        Assert.Equal(CityId, snapshot.Str("scope"));
        Assert.Equal(448, snapshot.GetProperty("grids").GetArrayLength());
        Assert.Equal(24, snapshot.GetProperty("trend").GetArrayLength());
        Assert.Equal("routine", snapshot.Str("mode"));
        Assert.Subset(fed, reported.ToHashSet());
        TestContext.Current.TestOutputHelper?.WriteLine($"kpi with the third report arrived {(kpi.At - acknowledged).TotalMilliseconds:F0} ms after its 201");
    }

    [Fact]
    public async Task Subscribe_AnotherTownshipOrTheCity_IsRefusedAndNothingIsSent()
    {
        var own = County.Township(0);
        var foreign = County.GridOf(townshipIndex: 1, gridIndex: 7);
        using var city = await api.ClientFor("city");
        await using var live = await LiveConnection.Open(api, await api.TokenFor("township", own.Id));

        var refusal = await Assert.ThrowsAsync<HubException>(() => live.Subscribe(foreign.Township.Id));
        await Assert.ThrowsAsync<HubException>(() => live.Subscribe("city"));
        await Assert.ThrowsAsync<HubException>(() => live.Subscribe(foreign.Grid.Id));
        await city.ReportAsync(foreign.Grid.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Contains("outside your scope", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(live.Received);
    }

    [Fact]
    public async Task Subscribe_OwnTownship_SendsItsGridsAndOnlyItsCases()
    {
        var own = County.GridOf(townshipIndex: 3, gridIndex: 2);
        var foreign = County.GridOf(townshipIndex: 4, gridIndex: 2);
        using var city = await api.ClientFor("city");
        await using var live = await LiveConnection.Open(api, await api.TokenFor("township", own.Township.Id));

        var group = await live.Subscribe(own.Township.Id);
        var snapshot = (await live.WaitFor("snapshot", _ => true)).Body;
        var foreignCase = (await city.ReportAsync(foreign.Grid.Id)).Str("id");
        var ownCase = (await city.ReportAsync(own.Grid.Id)).Str("id");
        await Poll.Until(() => Task.FromResult(FedCaseIds(live)), ids => ids.Contains(ownCase));

        Assert.Equal($"township:{own.Township.Id}", group);
        Assert.Equal("township", snapshot.Str("level"));
        Assert.Equal(own.Township.Villages.Sum(v => v.Grids.Count), snapshot.GetProperty("grids").GetArrayLength());
        Assert.DoesNotContain(foreignCase, FedCaseIds(live));
        Assert.All(live.Received.Where(m => m.Kind == "grid"), message => Assert.All(
            message.Body.GetProperty("grids").EnumerateArray(),
            load => Assert.Equal(own.Township.Id, County.Topology.FindGrid(load.Str("id"))!.Township.Id)));
    }

    [Fact]
    public async Task Subscribe_UnknownScope_IsRefused()
    {
        await using var live = await LiveConnection.Open(api, await api.TokenFor("city"));

        var refusal = await Assert.ThrowsAsync<HubException>(() => live.Subscribe("atlantis"));
        var blank = await Assert.ThrowsAsync<HubException>(() => live.Subscribe(" "));

        Assert.Contains("Unknown scope", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown scope", blank.Message, StringComparison.Ordinal);
        Assert.Empty(live.Received);
    }

    [Fact]
    public async Task Unsubscribe_StopsTheDeltasOfThatScopeOnly()
    {
        var grid = County.GridOf(townshipIndex: 5, gridIndex: 3);
        using var city = await api.ClientFor("city");
        await using var live = await LiveConnection.Open(api, await api.TokenFor("city"));
        await live.Subscribe(grid.Grid.Id);
        await live.Subscribe(grid.Village.Id);

        await live.Unsubscribe(grid.Grid.Id);
        var id = (await city.ReportAsync(grid.Grid.Id)).Str("id");
        await live.WaitFor("event", update => update.Str("scope") == grid.Village.Id
            && update.GetProperty("cases").EnumerateArray().Any(c => c.Str("id") == id));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(live.Received, m => m.Kind != "snapshot" && m.Body.Str("scope") == grid.Grid.Id);
    }

    [Fact]
    public async Task Subscribe_MoreScopesThanAConnectionMayWatch_IsRefused()
    {
        await using var live = await LiveConnection.Open(api, await api.TokenFor("city"));
        var townships = County.Topology.Document.Townships;
        for (var i = 0; i < 4; i++)
        {
            await live.Subscribe(townships[i].Id);
        }

        var refusal = await Assert.ThrowsAsync<HubException>(() => live.Subscribe(townships[4].Id));

        Assert.Contains("at most 4 scopes", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(4, live.Received.Count(m => m.Kind == "snapshot"));
    }

    [Fact]
    public async Task ModeSwitch_ReachesTheTownshipsDashboard()
    {
        var township = County.Township(5);
        using var operatorClient = await api.ClientFor("township", township.Id);
        await using var live = await LiveConnection.Open(api, await api.TokenFor("township", township.Id));
        await live.Subscribe(township.Id);
        await live.WaitFor("snapshot", _ => true);

        (await operatorClient.PutAsJsonAsync("/api/mode", new { mode = "emergency", scope = township.Id })).EnsureSuccessStatusCode();
        var switched = await live.WaitFor("mode", update => update.Str("mode") == "emergency");
        (await operatorClient.PutAsJsonAsync("/api/mode", new { mode = "routine", scope = township.Id })).EnsureSuccessStatusCode();
        await live.WaitFor("mode", update => update.Str("mode") == "routine");

        Assert.Equal("emergency", switched.Body.GetProperty("modes").GetProperty("townships").Str(township.Id));
    }

    [Fact]
    public async Task Burst_IsCoalescedToAFewMessagesASecond_AndTheLastStateArrives()
    {
        const int Reports = 800;
        using var city = await api.ClientFor("city");
        await using var live = await LiveConnection.Open(api, await api.TokenFor("city"));
        await live.Subscribe("city");
        var snapshot = (await live.WaitFor("snapshot", _ => true)).Body;
        var before = Kpi(snapshot, "reportedToday");
        var started = live.Now;

        var grids = County.Topology.Grids.Select(g => g.Grid.Id).ToList();
        await Task.WhenAll(Enumerable.Range(0, Reports / 100).Select(async batch =>
        {
            var items = Enumerable.Range(0, 100).Select(i => new
            {
                requestId = $"burst-{batch}-{i}",
                gridId = grids[(batch * 100 + i) % grids.Count],
                category = "rural-environment",
                title = "Overflowing bins",
            });
            var results = await (await city.PostAsJsonAsync("/api/events/batch", items)).Json();
            Assert.All(results.EnumerateArray(), result => Assert.Equal(201, result.GetProperty("status").GetInt32()));
        }));
        await live.WaitFor("kpi", update => Kpi(update, "reportedToday") == before + Reports, TimeSpan.FromSeconds(30));
        var settled = await Poll.Until(
            async () => (Live: LatestKpi(live), Stats: await Indicators(city, "all"), Today: await Indicators(city, "day")),
            reading => reading.Live.GetProperty("open").GetInt32() == reading.Stats.GetProperty("open").GetInt32()
                && reading.Live.GetProperty("reportedToday").GetInt32() == reading.Today.GetProperty("reported").GetInt32(),
            TimeSpan.FromSeconds(15));

        var elapsed = live.Now - started;
        var deltas = live.Received.Where(m => m.Kind != "snapshot").ToList();
        // At most one kpi, one grid and one event message a round, and rounds at least 500 ms apart — measured
        // by the count, not by arrival times, which a busy machine bunches together.
        var rounds = (int)(elapsed / TimeSpan.FromMilliseconds(500)) + 1;
        Assert.All(new[] { "kpi", "grid", "event" }, kind => Assert.InRange(deltas.Count(m => m.Kind == kind), 1, rounds));
        Assert.True(FedChanges(live) >= Reports, "every new case is in an event message, shown or counted in 'more'");
        Assert.Equal(settled.Stats.GetProperty("open").GetInt32(), settled.Live.GetProperty("open").GetInt32());
        Assert.Equal(settled.Today.GetProperty("reported").GetInt32(), settled.Live.GetProperty("reportedToday").GetInt32());
        Assert.Equal(settled.Today.GetProperty("closureRate").GetDouble(), settled.Live.GetProperty("closureRate").GetDouble());
        Assert.Equal(settled.Live.GetProperty("open").GetInt32(), LatestGridLoads(snapshot, live).Values.Sum());
        TestContext.Current.TestOutputHelper?.WriteLine($"{Reports} reports → {deltas.Count} delta messages in {elapsed.TotalSeconds:F1} s");
    }

    private static int Kpi(JsonElement message, string name) => message.GetProperty("kpi").GetProperty(name).GetInt32();

    private static JsonElement LatestKpi(LiveConnection live) =>
        live.Received.Last(m => m.Kind is "kpi" or "snapshot").Body.GetProperty("kpi");

    private static async Task<JsonElement> Indicators(HttpClient city, string period) =>
        (await city.GetFromJsonAsync<JsonElement>($"/api/stats?scope={CityId}&period={period}")).GetProperty("indicators");

    private static HashSet<string> FedCaseIds(LiveConnection live) =>
        [.. live.Received.Where(m => m.Kind == "event").SelectMany(m => m.Body.GetProperty("cases").EnumerateArray()).Select(c => c.Str("id"))];

    private static int FedChanges(LiveConnection live) =>
        live.Received.Where(m => m.Kind == "event").Sum(m => m.Body.GetProperty("cases").GetArrayLength() + m.Body.GetProperty("more").GetInt32());

    /// <summary>Each grid's open cases: the snapshot's, overwritten by every later grid message in order.</summary>
    private static Dictionary<string, int> LatestGridLoads(JsonElement snapshot, LiveConnection live)
    {
        var loads = snapshot.GetProperty("grids").EnumerateArray().ToDictionary(l => l.Str("id"), l => l.GetProperty("open").GetInt32());
        foreach (var load in live.Received.Where(m => m.Kind == "grid").SelectMany(m => m.Body.GetProperty("grids").EnumerateArray()))
        {
            loads[load.Str("id")] = load.GetProperty("open").GetInt32();
        }
        return loads;
    }
}
