using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class TopologyEndpointsTests(GridActorsApiFactory api)
{
    [Fact]
    public async Task GetTopology_ReproducesTheCountyOfTheReport()
    {
        using var client = await api.ClientFor("city");

        var topology = await client.GetFromJsonAsync<JsonElement>("/api/topology");

        var townships = topology.GetProperty("townships").EnumerateArray().ToList();
        var villages = townships.SelectMany(t => t.GetProperty("villages").EnumerateArray()).ToList();
        var grids = villages.SelectMany(v => v.GetProperty("grids").EnumerateArray()).ToList();
        var workers = grids.SelectMany(g => g.GetProperty("workerIds").EnumerateArray()).Select(w => w.GetString()).Distinct();
        Assert.Equal("澄江市", topology.GetProperty("city").GetProperty("name").GetString());
        Assert.Equal(6, townships.Count);
        Assert.Equal(47, villages.Count);
        Assert.Equal(448, grids.Count);
        Assert.Equal(1318, workers.Count());
        Assert.NotEmpty(topology.GetProperty("departments").EnumerateArray());
        Assert.All(topology.GetProperty("categories").EnumerateArray(),
            c => Assert.False(string.IsNullOrEmpty(c.GetProperty("priority").GetString())));
    }

    [Fact]
    public async Task GetTopology_ForACitizen_IsAllowed()
    {
        using var client = await api.ClientFor("citizen", "c-7");

        var response = await client.GetAsync("/api/topology");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
