using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Interfaces;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// One case per problem (docs/INTAKE.md): a located report of the same category near an open case joins it as a
/// duplicate, its reporter hears when the original closes, operators merge and unmerge, and apps ask what is nearby.
/// Each test files in grids of township 0 from index 80 on, which no other test uses.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateReportsTests(GridActorsApiFactory api)
{
    private static GridActors.Grains.Topology.GridPlace Grid(int index) => County.GridOf(townshipIndex: 0, gridIndex: 80 + index);

    /// <summary>A point <paramref name="metresNorth"/> north of the grid's centroid.</summary>
    private static GeoPoint Near(GridActors.Grains.Topology.GridPlace grid, double metresNorth = 0) =>
        new(grid.Grid.Centroid.Lat + metresNorth / 111_195.0, grid.Grid.Centroid.Lng);

    private static object Located(GeoPoint at, string category = "hazard", string title = "路面塌陷", object? media = null) =>
        new { category, title, location = new { lat = at.Lat, lng = at.Lng }, media };

    private static async Task<JsonElement> Filed(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/events", report);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    /// <summary>Once the report's outbox has put it in the spatial index, a nearby lookup finds it.</summary>
    private static Task<JsonElement> Indexed(HttpClient client, GeoPoint at, string id) => Poll.Until(
        () => client.GetFromJsonAsync<JsonElement>($"/api/events/nearby?lat={Num(at.Lat)}&lng={Num(at.Lng)}&radius=100"),
        found => found.GetProperty("items").EnumerateArray().Any(i => i.Str("id") == id));

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ASecondReportNearby_JoinsTheFirst_AndClosesWithIt_WhichItsReporterSees()
    {
        var grid = Grid(0);
        using var first = await api.ClientFor("citizen", "c-dup-first");
        using var second = await api.ClientFor("citizen", "c-dup-second");
        using var township = await api.ClientFor("township", grid.Township.Id);
        var original = await Filed(first, Located(Near(grid)));
        var id = original.Str("id");
        await Indexed(first, Near(grid), id);

        var duplicate = await Filed(second, Located(Near(grid, metresNorth: 30), title: "这里路面塌了"));

        Assert.Equal((id, "merged"), (duplicate.Str("duplicateOf"), duplicate.Str("status")));
        Assert.Empty(duplicate.GetProperty("deadlines").EnumerateArray());
        var joined = await Poll.Until(() => township.GetFromJsonAsync<JsonElement>($"/api/events/{id}"),
            e => e.GetProperty("duplicates").EnumerateArray().Any(d => d.GetString() == duplicate.Str("id")));
        Assert.Equal("dispatched", joined.Str("status"));

        var worker = joined.GetProperty("assignee").Str("id");
        using var handler = await api.ClientFor("worker", worker);
        (await handler.ActAsync(id, "start")).EnsureSuccessStatusCode();
        (await handler.ActAsync(id, "resolve", new { note = "已回填" })).EnsureSuccessStatusCode();
        (await township.ActAsync(id, "verify", new { passed = true })).EnsureSuccessStatusCode();

        var told = await Poll.Until(() => second.GetFromJsonAsync<JsonElement>("/api/events?mine=true"),
            page => page.GetProperty("items").EnumerateArray().Any(i => i.Str("id") == duplicate.Str("id") && i.Str("status") == "closed"));
        var file = await second.GetFromJsonAsync<JsonElement>($"/api/events/{duplicate.Str("id")}");
        Assert.Equal("original_finished", file.GetProperty("history").EnumerateArray().Last().Str("action"));
        Assert.Single(told.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnotherCategory_OrFartherThanTheRadius_IsACaseOfItsOwn()
    {
        var grid = Grid(1);
        using var citizen = await api.ClientFor("citizen", "c-dup-apart");
        var original = await Filed(citizen, Located(Near(grid)));
        await Indexed(citizen, Near(grid), original.Str("id"));

        var otherCategory = await Filed(citizen, Located(Near(grid, 10), category: "dispute", title: "邻里纠纷"));
        var farther = await Filed(citizen, Located(Near(grid, 80)));

        Assert.Equal(JsonValueKind.Null, otherCategory.GetProperty("duplicateOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, farther.GetProperty("duplicateOf").ValueKind);
        Assert.NotEqual("merged", farther.Str("status"));
    }

    [Fact]
    public async Task Nearby_ListsOpenCasesNearestFirst_AndForgetsAClosedOne()
    {
        var grid = Grid(2);
        using var citizen = await api.ClientFor("citizen", "c-dup-nearby");
        using var township = await api.ClientFor("township", grid.Township.Id);
        var near = await Filed(citizen, Located(Near(grid, 20)));
        var nearer = await Filed(citizen, Located(Near(grid, 5), category: "dispute", title: "噪音扰民"));
        await Indexed(citizen, Near(grid), near.Str("id"));
        await Indexed(citizen, Near(grid), nearer.Str("id"));

        var listed = await citizen.GetFromJsonAsync<JsonElement>($"/api/events/nearby?lat={Num(Near(grid).Lat)}&lng={Num(Near(grid).Lng)}&radius=60");
        var ofHazards = await citizen.GetFromJsonAsync<JsonElement>($"/api/events/nearby?lat={Num(Near(grid).Lat)}&lng={Num(Near(grid).Lng)}&category=hazard");
        (await township.ActAsync(near.Str("id"), "cancel", new { note = "重复上报" })).EnsureSuccessStatusCode();
        var afterCancel = await Poll.Until(
            () => citizen.GetFromJsonAsync<JsonElement>($"/api/events/nearby?lat={Num(Near(grid).Lat)}&lng={Num(Near(grid).Lng)}&radius=60"),
            page => page.GetProperty("items").EnumerateArray().All(i => i.Str("id") != near.Str("id")));

        var ids = listed.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToList();
        Assert.Equal([nearer.Str("id"), near.Str("id")], ids.Where(i => i == nearer.Str("id") || i == near.Str("id")));
        var distance = listed.GetProperty("items").EnumerateArray().First(i => i.Str("id") == near.Str("id")).GetProperty("distanceMeters").GetDouble();
        Assert.InRange(distance, 19, 21);
        Assert.All(ofHazards.GetProperty("items").EnumerateArray(), i => Assert.Equal("hazard", i.Str("category")));
        Assert.Contains(afterCancel.GetProperty("items").EnumerateArray(), i => i.Str("id") == nearer.Str("id"));
    }

    [Fact]
    public async Task AnOperator_MergesACaseIntoAnother_AndUnmergesIt()
    {
        var grid = Grid(3);
        using var township = await api.ClientFor("township", grid.Township.Id);
        var into = (await township.ReportAsync(grid.Grid.Id)).Str("id");
        var other = (await township.ReportAsync(grid.Grid.Id)).Str("id");

        var merged = await township.ActAsync(other, "merge", new { into, note = "同一处问题" });
        var mergedCase = await merged.Json();
        var joined = await Poll.Until(() => township.GetFromJsonAsync<JsonElement>($"/api/events/{into}"),
            e => e.GetProperty("duplicates").EnumerateArray().Any(d => d.GetString() == other));
        var unmerged = await township.ActAsync(other, "unmerge");
        var left = await Poll.Until(() => township.GetFromJsonAsync<JsonElement>($"/api/events/{into}"),
            e => e.GetProperty("duplicates").GetArrayLength() == 0);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(("merged", into), (mergedCase.Str("status"), mergedCase.Str("duplicateOf")));
        Assert.Equal(HttpStatusCode.OK, unmerged.StatusCode);
        var back = await unmerged.Json();
        Assert.Equal(("reported", JsonValueKind.Null), (back.Str("status"), back.GetProperty("duplicateOf").ValueKind));
        Assert.NotEmpty(back.GetProperty("deadlines").EnumerateArray());
        Assert.Equal(0, left.GetProperty("duplicates").GetArrayLength());
        Assert.Single(joined.GetProperty("duplicates").EnumerateArray());
    }

    [Fact]
    public async Task Merge_IntoItself_AnUnknownCase_OrAnotherTownshipsCase_IsRefused()
    {
        var grid = Grid(4);
        var foreign = County.GridOf(townshipIndex: 1, gridIndex: 60);
        using var township = await api.ClientFor("township", grid.Township.Id);
        using var city = await api.ClientFor("city");
        var filed = await township.ReportAsync(grid.Grid.Id);
        var id = filed.Str("id");
        var theirs = (await city.ReportAsync(foreign.Grid.Id)).Str("id");

        await ProblemAssert.IsProblem(await township.ActAsync(id, "merge", new { into = id }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblem(await township.ActAsync(id, "merge", new { into = "Enothere" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblem(await township.ActAsync(id, "merge", new { into = theirs }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await township.ActAsync(id, "merge"), HttpStatusCode.BadRequest);
        var after = await township.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        Assert.Equal((filed.Str("status"), filed.GetProperty("version").GetInt64()), (after.Str("status"), after.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task TheHotline_FilesForACaller_AndACitizensAppSendsPhotos()
    {
        var grid = Grid(5);
        using var hotline = await api.ClientFor("feed", "hotline");
        using var township = await api.ClientFor("township", grid.Township.Id);
        using var citizen = await api.ClientFor("citizen", "c-dup-photos");

        var call = await hotline.PostAsJsonAsync("/api/events", new
        {
            gridId = grid.Grid.Id, category = "dispute", title = "来电反映邻居占道",
            reporter = new { kind = "hotline", id = "12345-20261208-0001" },
            person = new { name = "王秀英", phone = "13912345678" },
        });
        var photos = await Filed(citizen, new
        {
            gridId = grid.Grid.Id, category = "sanitary-city", title = "垃圾未清运",
            media = new[] { "https://app.example/p/1.jpg", "https://app.example/p/2.jpg" },
        });
        var tooMany = await citizen.PostAsJsonAsync("/api/events", new
        {
            gridId = grid.Grid.Id, category = "sanitary-city", title = "垃圾未清运",
            media = Enumerable.Range(0, 10).Select(i => $"https://app.example/p/{i}.jpg"),
        });

        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var filed = await township.GetFromJsonAsync<JsonElement>($"/api/events/{(await call.Json()).Str("id")}");
        Assert.Equal(("hotline", "12345-20261208-0001"), (filed.GetProperty("reporter").Str("kind"), filed.GetProperty("reporter").Str("id")));
        Assert.Equal("王秀英", filed.GetProperty("person").Str("name"));
        Assert.Equal(2, photos.GetProperty("media").GetArrayLength());
        await ProblemAssert.IsProblem(tooMany, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("lat=90&lng=0")]
    [InlineData("lat=24.67&lng=130")]
    [InlineData("lng=102.9")]
    [InlineData("lat=24.67&lng=102.9&radius=5000")]
    [InlineData("lat=24.67&lng=102.9&category=meteor")]
    public async Task Nearby_OutsideTheCounty_OrWithABadRadiusOrCategory_Is400(string query)
    {
        using var citizen = await api.ClientFor("citizen", "c-dup-bad");

        await ProblemAssert.IsProblem(await citizen.GetAsync($"/api/events/nearby?{query}"), HttpStatusCode.BadRequest);
    }
}
