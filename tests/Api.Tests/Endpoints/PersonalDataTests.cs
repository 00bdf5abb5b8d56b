using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>The person behind a case, as each reader of the case file sees it.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersonalDataTests(GridActorsApiFactory api)
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task GetEvent_TheAssigneeSeesThePersonWhileTheCaseIsOpen_OthersAndLaterMasked()
    {
        var grid = County.GridOf(townshipIndex: 1, gridIndex: 45);
        using var city = await api.ClientFor("city");
        var reported = await city.PostAsJsonAsync("/api/events", EventCalls.Report(grid.Grid.Id, "dispute", "Boundary wall",
            person: new { name = "李四", phone = Phone, idNumber = "530400199001011234" }));
        var report = await reported.Json();
        var id = report.Str("id");
        var assigneeId = report.GetProperty("assignee").Str("id");
        var otherId = grid.Grid.Workers.First(w => w.Id != assigneeId).Id;
        using var assignee = await api.ClientFor("worker", assigneeId);
        using var other = await api.ClientFor("worker", otherId);

        var whileOpen = await PersonOf(assignee, id);
        var byAnother = await PersonOf(other, id);
        await DrillCalls.Close(city, id);
        var afterClose = await PersonOf(assignee, id);

        Assert.Equal((Phone, "李四"), (whileOpen.Str("phone"), whileOpen.Str("name")));
        Assert.Equal("139****5678", byAnother.Str("phone"));
        Assert.Equal(("139****5678", "李*"), (afterClose.Str("phone"), afterClose.Str("name")));
    }

    private static async Task<JsonElement> PersonOf(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}")).GetProperty("person");
}
