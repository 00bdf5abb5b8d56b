using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary><c>GET /api/devices</c>: the county's 4,000 video channels, filtered by grid and kind, paged, scoped.</summary>
[Collection(ApiCollection.Name)]
public sealed class DevicesEndpointsTests(GridActorsApiFactory api)
{
    [Fact]
    public async Task TheCity_ListsTheReportsChannels_ByKind()
    {
        using var city = await api.ClientFor("city");

        var all = await city.GetFromJsonAsync<JsonElement>("/api/devices?pageSize=1");
        var built = await city.GetFromJsonAsync<JsonElement>("/api/devices?kind=camera&pageSize=1000");
        var social = await city.GetFromJsonAsync<JsonElement>("/api/devices?kind=social-camera&page=3&pageSize=1000");

        Assert.Equal(4000, all.GetProperty("total").GetInt32());
        Assert.Equal(1000, built.GetProperty("total").GetInt32());
        Assert.Equal(3000, social.GetProperty("total").GetInt32());
        Assert.Equal(1000, social.GetProperty("items").GetArrayLength());
        var device = built.GetProperty("items")[0];
        Assert.Equal(("camera", "CAM0001"), (device.Str("kind"), device.Str("id")));
        Assert.True(device.GetProperty("location").GetProperty("lat").GetDouble() > 24);
        Assert.False(string.IsNullOrEmpty(device.Str("owner")));
    }

    [Fact]
    public async Task ATownship_SeesItsOwnDevices_AndNotAnotherTownshipsGrid()
    {
        var own = County.GridOf(townshipIndex: 1);
        var foreign = County.GridOf(townshipIndex: 2);
        using var township = await api.ClientFor("township", own.Township.Id);
        using var city = await api.ClientFor("city");

        var listed = await township.GetFromJsonAsync<JsonElement>("/api/devices?pageSize=1000");
        var everywhere = await city.GetFromJsonAsync<JsonElement>("/api/devices?pageSize=1000");
        var elsewhere = await township.GetAsync($"/api/devices?grid={foreign.Grid.Id}");

        var grids = listed.GetProperty("items").EnumerateArray().Select(d => d.Str("gridId")).ToList();
        Assert.NotEmpty(grids);
        Assert.All(grids, g => Assert.Equal(own.Township.Id, County.Topology.FindGrid(g)!.Township.Id));
        Assert.True(listed.GetProperty("total").GetInt32() < everywhere.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblem(elsewhere, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("grid=nowhere")]
    [InlineData("kind=drone")]
    [InlineData("page=0")]
    [InlineData("pageSize=1001")]
    public async Task BadFilters_Are400(string query)
    {
        using var city = await api.ClientFor("city");

        await ProblemAssert.IsProblem(await city.GetAsync($"/api/devices?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ACitizen_MayNotListDevices()
    {
        using var citizen = await api.ClientFor("citizen", "c-devices");

        await ProblemAssert.IsProblem(await citizen.GetAsync("/api/devices"), HttpStatusCode.Forbidden);
    }
}
