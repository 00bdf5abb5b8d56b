using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>The Api on a clock 7,200 times real time: an urgent case's four handling hours pass in two seconds.</summary>
public sealed class AcceleratedApiFactory : GridActorsApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Clock:Speed"] = "7200",
    };
}

public sealed class AcceleratedClockTests(AcceleratedApiFactory api) : IClassFixture<AcceleratedApiFactory>
{
    [Fact]
    public async Task UntouchedUrgentCase_BecomesOverdueEscalatesAndIsSupervised()
    {
        var grid = County.GridOf(townshipIndex: 1, gridIndex: 20);
        using var city = await api.ClientFor("city");
        var reported = await (await city.PostAsJsonAsync("/api/events",
            new { gridId = grid.Grid.Id, category = "hazard", title = "Gas smell", priority = "urgent" })).Json();
        var path = $"/api/events/{reported.Str("id")}";

        var current = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>(path),
            e => e.GetProperty("escalationLevel").GetInt32() == 3, TimeSpan.FromSeconds(30));
        var actions = current.GetProperty("history").EnumerateArray().Select(h => h.Str("action")).ToList();

        Assert.Contains(reported.GetProperty("deadlines").EnumerateArray(), d => d.Str("stage") == "handle");
        Assert.True(current.GetProperty("overdue").GetBoolean());
        Assert.Equal(3, current.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(3, current.GetProperty("supervisionCount").GetInt32());
        Assert.Equal(2, actions.Count(a => a == "warning"));
        Assert.Contains("breach", actions);
        Assert.Equal(3, actions.Count(a => a == "supervise"));
        Assert.True(actions.IndexOf("warning") < actions.IndexOf("breach"));
    }

    [Fact]
    public async Task ListEvents_FindsTheOverdueCases()
    {
        var grid = County.GridOf(townshipIndex: 1, gridIndex: 21);
        using var city = await api.ClientFor("city");
        var id = (await (await city.PostAsJsonAsync("/api/events",
            new { gridId = grid.Grid.Id, category = "hazard", title = "Fallen pole", priority = "critical" })).Json()).Str("id");

        var page = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>($"/api/events?grid={grid.Grid.Id}&overdue=true"),
            p => p.GetProperty("items").EnumerateArray().Any(e => e.Str("id") == id));

        Assert.Contains(page.GetProperty("items").EnumerateArray(), e => e.Str("id") == id);
    }
}
