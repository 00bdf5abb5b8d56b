using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Clock;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>A factory of its own: starting the simulation speeds up the county clock for everything in it.</summary>
public sealed class SimulationApiFactory : GridActorsApiFactory;

public sealed class SimulationEndpointsTests(SimulationApiFactory api) : IClassFixture<SimulationApiFactory>
{
    [Fact]
    public async Task Start_ReportsCasesAndCarriesThemThroughTheLoop_AndStopStops()
    {
        using var city = await api.ClientFor("city");

        var started = await city.PostAsJsonAsync("/api/simulation/start", new { speed = 3600, eventsPerDay = 20000 });
        // The new speed takes effect a moment after the answer, on every silo at once. The bound is generous: the
        // poll ends as soon as both counts are there, and the suite's other projects share the two cores.
        var status = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>("/api/simulation"),
            s => s.GetProperty("reported").GetInt64() > 20 && s.GetProperty("actions").GetInt64() > 20,
            within: TimeSpan.FromSeconds(40) + CountyTime.SwitchLead);
        var stopped = await (await city.PostAsync("/api/simulation/stop", null)).Json();
        var listed = await city.GetFromJsonAsync<JsonElement>("/api/events?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(3600, (await started.Json()).GetProperty("speed").GetDouble());
        Assert.True(status.GetProperty("reported").GetInt64() > 20);
        Assert.True(status.GetProperty("actions").GetInt64() > 20);
        Assert.False(stopped.GetProperty("running").GetBoolean());
        Assert.True(listed.GetProperty("total").GetInt32() >= 20);
    }

    [Fact]
    public async Task Start_ByATownship_Is403Problem()
    {
        using var township = await api.ClientFor("township", County.Township(0).Id);

        await ProblemAssert.IsProblem(await township.PostAsJsonAsync("/api/simulation/start", new { }), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{ "speed": 0 }""", "speed")]
    [InlineData("""{ "speed": 0.0001 }""", "speed")]
    [InlineData("""{ "speed": 1000000 }""", "speed")]
    [InlineData("""{ "eventsPerDay": -5 }""", "eventsPerDay")]
    public async Task Start_BadBody_Is400Problem(string json, string field)
    {
        using var city = await api.ClientFor("city");

        var response = await city.PostAsync("/api/simulation/start", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
