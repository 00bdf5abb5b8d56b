using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>A city-wide emergency changes the mode of every case of the county, so it runs on an Api of its own.</summary>
public sealed class CityEmergencyModeTests(GridActorsApiFactory api) : IClassFixture<GridActorsApiFactory>
{
    [Fact]
    public async Task GetMode_DuringACityEmergency_ShowsEveryTownshipInEmergencyByTheCity()
    {
        using var city = await api.ClientFor("city");

        var switched = await city.PutAsJsonAsync("/api/mode", new { mode = "emergency", reason = "Flood warning, level II" });
        var modes = await city.GetFromJsonAsync<JsonElement>("/api/mode");

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("emergency", modes.Str("city"));
        Assert.All(County.Topology.Document.Townships, township =>
        {
            var detail = modes.GetProperty("townshipModes").GetProperty(township.Id);
            Assert.Equal("emergency", modes.GetProperty("townships").Str(township.Id));
            Assert.Equal(("routine", "emergency", "city"), (detail.Str("own"), detail.Str("effective"), detail.Str("source")));
        });
    }
}
