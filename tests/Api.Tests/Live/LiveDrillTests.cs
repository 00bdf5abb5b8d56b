using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Live;

/// <summary>
/// The drill view (<c>SubscribeDrill</c>) gets the same messages as the county's view for drill cases only, and
/// the county's view never shows a drill case. Each test watches a grid of its own; each negative check follows
/// the arrival of a case reported after the one that must not show.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class LiveDrillTests(LiveApiFactory api)
{
    private static string NewDrill() => DrillCalls.NewDrill("live");

    [Fact]
    public async Task SubscribeDrill_ShowsTheDrillsCases_AndSubscribeNeverDoes()
    {
        var grid = County.GridOf(townshipIndex: 4, gridIndex: 70).Grid.Id;
        using var city = await api.ClientFor("city");
        await using var county = await LiveConnection.Open(api, await api.TokenFor("city"));
        await using var drills = await LiveConnection.Open(api, await api.TokenFor("city"));
        var countyGroup = await county.Subscribe(grid);
        var drillGroup = await drills.SubscribeDrill(grid);
        var countyBefore = (await county.WaitFor("snapshot", _ => true)).Body;
        var drillBefore = (await drills.WaitFor("snapshot", _ => true)).Body;

        var drillCase = (await city.ReportDrillAsync(grid, NewDrill())).Str("id");
        var countyCase = (await city.ReportAsync(grid)).Str("id");
        await drills.WaitFor("event", update => CaseIds(update).Contains(drillCase));
        await county.WaitFor("event", update => CaseIds(update).Contains(countyCase));
        await drills.WaitFor("kpi", update => Reported(update) == Reported(drillBefore) + 1);
        await county.WaitFor("kpi", update => Reported(update) == Reported(countyBefore) + 1);
        await drills.WaitFor("grid", update => Open(update, grid) == Open(drillBefore, grid) + 1);
        await county.WaitFor("grid", update => Open(update, grid) == Open(countyBefore, grid) + 1);

        // The county case was reported after the drill case: had the county's view taken the drill case, it would
        // have shown it by the time it showed the county case.
        Assert.Equal($"grid:{grid}", countyGroup);
        Assert.Equal($"drill:grid:{grid}", drillGroup);
        Assert.Equal(JsonValueKind.Null, drillBefore.GetProperty("boards").ValueKind);
        Assert.DoesNotContain(county.Received, m => m.Kind == "event" && CaseIds(m.Body).Contains(drillCase));
        Assert.DoesNotContain(drills.Received, m => m.Kind == "event" && CaseIds(m.Body).Contains(countyCase));
        Assert.DoesNotContain(county.Received, m => m.Kind == "kpi" && Reported(m.Body) > Reported(countyBefore) + 1);
        Assert.DoesNotContain(county.Received, m => m.Kind == "grid" && Open(m.Body, grid) > Open(countyBefore, grid) + 1);
        Assert.DoesNotContain(drills.Received, m => m.Kind == "kpi" && Reported(m.Body) > Reported(drillBefore) + 1);
    }

    [Fact]
    public async Task DeleteDrill_TakesItsCasesOutOfTheDrillView()
    {
        var grid = County.GridOf(townshipIndex: 4, gridIndex: 71).Grid.Id;
        var drill = NewDrill();
        using var city = await api.ClientFor("city");
        await using var drills = await LiveConnection.Open(api, await api.TokenFor("city"));
        await drills.SubscribeDrill(grid);
        var before = (await drills.WaitFor("snapshot", _ => true)).Body;
        var drillCase = (await city.ReportDrillAsync(grid, drill)).Str("id");
        await drills.WaitFor("grid", update => Open(update, grid) == Open(before, grid) + 1);

        (await city.DeleteAsync($"/api/drills/{drill}")).EnsureSuccessStatusCode();
        var emptied = await drills.WaitFor("grid", update => Open(update, grid) == Open(before, grid), TimeSpan.FromSeconds(15));
        await drills.WaitFor("kpi", update => Reported(update) == Reported(before), TimeSpan.FromSeconds(15));
        await using var later = await LiveConnection.Open(api, await api.TokenFor("city"));
        await later.SubscribeDrill(grid);
        var snapshot = (await later.WaitFor("snapshot", _ => true)).Body;

        Assert.True(emptied.At > drills.Received.First(m => m.Kind == "event" && CaseIds(m.Body).Contains(drillCase)).At);
        Assert.DoesNotContain(drillCase, snapshot.GetProperty("feed").EnumerateArray().Select(c => c.Str("id")));
        Assert.Equal(Open(before, grid), Open(snapshot, grid));
    }

    private static HashSet<string> CaseIds(JsonElement update) => [.. update.GetProperty("cases").EnumerateArray().Select(c => c.Str("id"))];

    private static int Reported(JsonElement message) => message.GetProperty("kpi").GetProperty("reportedToday").GetInt32();

    private static int Open(JsonElement message, string grid) =>
        message.GetProperty("grids").EnumerateArray().Where(l => l.Str("id") == grid).Select(l => l.GetProperty("open").GetInt32()).DefaultIfEmpty(-1).Single();
}
