using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// docs/API.md "Audit": who read whose personal data and who changed what, one entry each, readable by the city
/// and, for their own township, by its operators.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditEndpointsTests(GridActorsApiFactory api)
{
    // EventQueriesTests counts the cases of township 5's grids 0 to 5, so these tests keep out of them.
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 5, gridIndex: 14);

    private static readonly object Person = new { name = "王建国", phone = "13800001234", idNumber = "530422198001011234" };

    private static async Task<List<JsonElement>> Entries(HttpClient reader, string query)
    {
        var response = await reader.GetAsync($"/api/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Json()).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task AReportAndItsSteps_AreEachOneEntry_NamingTheOperatorBehindTheToken()
    {
        var operatorName = $"op-{Guid.NewGuid():N}";
        using var township = await api.ClientFor("township", Grid.Township.Id, subject: operatorName);
        using var city = await api.ClientFor("city");
        var created = await (await township.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id))).Json();
        var id = created.Str("id");
        (await township.ActAsync(id, "start")).EnsureSuccessStatusCode();

        var entries = await Entries(city, $"actor={operatorName}");

        Assert.Equal(["start", "report"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e =>
        {
            Assert.Equal(id, e.GetProperty("subject").Str("id"));
            Assert.Equal("event", e.GetProperty("subject").Str("kind"));
            Assert.Equal("township", e.GetProperty("actor").Str("role"));
            Assert.Equal(Grid.Township.Id, e.GetProperty("actor").Str("scope"));
            Assert.Equal("ok", e.Str("outcome"));
            Assert.EndsWith("Z", e.GetProperty("at").GetString());
        });
    }

    [Fact]
    public async Task ReadingAPersonUnmasked_IsAudited_WithoutThePersonalDataItself_AndAMaskedReadIsNot()
    {
        var reader = $"reader-{Guid.NewGuid():N}";
        using var city = await api.ClientFor("city", subject: reader);
        using var village = await api.ClientFor("village", Grid.Village.Id, subject: $"{reader}-village");
        var created = await (await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id, person: Person))).Json();
        var id = created.Str("id");

        (await city.GetAsync($"/api/events/{id}")).EnsureSuccessStatusCode();
        (await village.GetAsync($"/api/events/{id}")).EnsureSuccessStatusCode();
        var reads = await Entries(city, $"subject={id}&action=read-personal");

        var read = Assert.Single(reads);
        Assert.Equal(reader, read.GetProperty("actor").Str("subject"));
        Assert.Equal("person: name, phone, idNumber", read.Str("detail"));
        Assert.DoesNotContain("13800001234", read.GetRawText());
    }

    [Fact]
    public async Task TheHandlersUnmaskedReads_TheCaseFileAndAnActionsAnswer_AreEachAudited()
    {
        using var city = await api.ClientFor("city");
        var created = await (await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id, person: Person))).Json();
        var (id, assignee) = (created.Str("id"), created.GetProperty("assignee").Str("id"));
        var subject = $"worker-{Guid.NewGuid():N}";
        using var worker = await api.ClientFor("worker", assignee, subject: subject);

        var file = await (await worker.GetAsync($"/api/events/{id}")).Json();
        var started = await (await worker.ActAsync(id, "start")).Json();
        var entries = await Entries(city, $"actor={subject}");

        Assert.Equal("13800001234", file.GetProperty("person").Str("phone"));
        Assert.Equal("13800001234", started.GetProperty("person").Str("phone"));
        Assert.Equal(["read-personal", "start", "read-personal"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e => Assert.Equal(id, e.GetProperty("subject").Str("id")));
    }

    [Fact]
    public async Task AnActionOutsideOnesScope_IsRefused_AndTheCasesTownshipSeesTheAttempt()
    {
        var intruder = $"intruder-{Guid.NewGuid():N}";
        var stranger = County.GridOf(townshipIndex: 0, gridIndex: 3).Grid.Workers[0].Id;
        using var city = await api.ClientFor("city");
        using var township = await api.ClientFor("township", Grid.Township.Id);
        using var worker = await api.ClientFor("worker", stranger, subject: intruder);
        var id = (await (await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id))).Json()).Str("id");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.ActAsync(id, "supervise", new { note = "越权督办" })).StatusCode);
        var refused = Assert.Single(await Entries(township, $"actor={intruder}"));

        Assert.Equal(("supervise", "refused", id), (refused.Str("action"), refused.Str("outcome"), refused.GetProperty("subject").Str("id")));
    }

    [Fact]
    public async Task RegisteringKeyPersons_AndReadingThemUnmasked_AreAudited()
    {
        var operatorName = $"op-{Guid.NewGuid():N}";
        var grid = County.GridOf(townshipIndex: 5, gridIndex: 15).Grid.Id;
        using var city = await api.ClientFor("city", subject: operatorName);
        (await city.PostAsJsonAsync($"/api/grids/{grid}/key-persons", new
        {
            person = new { name = "李四", phone = "13900005678" },
            reason = "独居老人",
            visits = new[] { new { kind = "home", everyDays = 7 } },
        })).EnsureSuccessStatusCode();

        (await city.GetAsync($"/api/grids/{grid}/key-persons")).EnsureSuccessStatusCode();
        var entries = await Entries(city, $"actor={operatorName}");

        Assert.Equal([("read-personal", "key-persons", grid), ("register-key-person", "key-person", entries[1].GetProperty("subject").Str("id"))],
            entries.Select(e => (e.Str("action"), e.GetProperty("subject").Str("kind"), e.GetProperty("subject").Str("id"))));
        Assert.DoesNotContain("13900005678", string.Join(" ", entries.Select(e => e.GetRawText())));
    }

    [Fact]
    public async Task AReadOutsideOnesScope_IsRecordedAsRefused()
    {
        var intruder = $"intruder-{Guid.NewGuid():N}";
        using var city = await api.ClientFor("city");
        using var otherTownship = await api.ClientFor("township", County.Township(0).Id, subject: intruder);
        var id = (await (await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id))).Json()).Str("id");

        Assert.Equal(HttpStatusCode.Forbidden, (await otherTownship.GetAsync($"/api/events/{id}")).StatusCode);
        var refused = Assert.Single(await Entries(city, $"actor={intruder}"));

        Assert.Equal(("read", "refused", id), (refused.Str("action"), refused.Str("outcome"), refused.GetProperty("subject").Str("id")));
    }

    [Fact]
    public async Task ATownship_ReadsTheTrailOfItsOwnAreaOnly_AndAVillageNone()
    {
        var operatorName = $"op-{Guid.NewGuid():N}";
        var otherGrid = County.GridOf(townshipIndex: 4, gridIndex: 4);
        using var city = await api.ClientFor("city", subject: operatorName);
        await city.PostAsJsonAsync("/api/events", EventCalls.Report(Grid.Grid.Id));
        await city.PostAsJsonAsync("/api/events", EventCalls.Report(otherGrid.Grid.Id));
        using var township = await api.ClientFor("township", Grid.Township.Id);
        using var village = await api.ClientFor("village", Grid.Village.Id);

        var seen = await Entries(township, $"actor={operatorName}");
        var all = await Entries(city, $"actor={operatorName}");

        Assert.Equal(2, all.Count);
        Assert.Single(seen);
        await ProblemAssert.IsProblem(await village.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AModeSwitchAndADutyChange_AreEachOneEntry_WithWhatChanged()
    {
        var operatorName = $"op-{Guid.NewGuid():N}";
        var township = County.Township(3).Id;
        var worker = Grid.Grid.Workers[^1].Id;
        using var city = await api.ClientFor("city", subject: operatorName);

        (await city.PutAsJsonAsync("/api/mode", new { mode = "routine", scope = township, reason = "汛期结束" })).EnsureSuccessStatusCode();
        (await city.PutAsJsonAsync($"/api/workers/{worker}/duty", new { onDuty = false })).EnsureSuccessStatusCode();
        (await city.PutAsJsonAsync($"/api/workers/{worker}/duty", new { onDuty = true })).EnsureSuccessStatusCode();
        var entries = await Entries(city, $"actor={operatorName}");

        Assert.Equal(
            [("set-duty", "worker", worker, "on duty"), ("set-duty", "worker", worker, "off duty"), ("switch-mode", "mode", township, "routine: 汛期结束")],
            entries.Select(e => (e.Str("action"), e.GetProperty("subject").Str("kind"), e.GetProperty("subject").Str("id"), e.Str("detail"))));
    }

    [Fact]
    public async Task ErasingADrill_IsAnEntryWithHowManyCasesWentWithIt()
    {
        var operatorName = $"op-{Guid.NewGuid():N}";
        var drill = $"audit-{Guid.NewGuid():N}"[..20];
        using var city = await api.ClientFor("city", subject: operatorName);
        (await city.PostAsJsonAsync("/api/events", new { gridId = Grid.Grid.Id, category = "hazard", title = "演练", drill })).EnsureSuccessStatusCode();

        (await city.DeleteAsync($"/api/drills/{drill}")).EnsureSuccessStatusCode();
        var entries = await Entries(city, $"actor={operatorName}");

        var erased = Assert.Single(entries);
        Assert.Equal(("erase-drill", drill, "1 case erased"), (erased.Str("action"), erased.GetProperty("subject").Str("id"), erased.Str("detail")));
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("page=0")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    public async Task BadFilters_Are400(string query)
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync($"/api/audit?{query}"), HttpStatusCode.BadRequest);
    }
}
