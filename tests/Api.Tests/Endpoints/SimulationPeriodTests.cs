using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>A county of its own: a period sets the county clock back to its start, which only an empty county takes.</summary>
public sealed class SimulationPeriodApiFactory : GridActorsApiFactory;

public sealed class SimulationPeriodTests(SimulationPeriodApiFactory api) : IClassFixture<SimulationPeriodApiFactory>
{
    private static readonly DateTimeOffset From = new(2024, 3, 4, 0, 0, 0, ReportFigures.CountyOffset);
    private static readonly DateTimeOffset Until = From.AddDays(2);
    private const double EventsPerDay = 400;
    private static readonly TimeSpan LagAtMost = TimeSpan.FromDays(180);

    [Fact]
    public async Task StartAPeriod_PlaysEveryArrivalItOwes_DatedInThePeriod_ThenCompletes_AndAFullCountyRefusesAnother()
    {
        using var city = await api.ClientFor("city");
        var expected = (int)Math.Round(new ArrivalProfile(EventsPerDay).ExpectedBetween(From, Until));

        var started = await city.PostAsJsonAsync("/api/simulation/start", new { speed = 50_000, eventsPerDay = EventsPerDay, from = From, until = Until });
        var completed = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>("/api/simulation"),
            s => s.GetProperty("completed").GetBoolean(), within: TimeSpan.FromSeconds(90));
        // The read model follows the cases a moment behind.
        var listed = await Poll.Until(() => city.GetFromJsonAsync<JsonElement>("/api/events?pageSize=200"),
            page => page.GetProperty("total").GetInt32() >= expected, within: TimeSpan.FromSeconds(30));
        var stats = (await city.GetFromJsonAsync<JsonElement>("/api/stats"))!.GetProperty("indicators");
        var again = await city.PostAsJsonAsync("/api/simulation/start", new { speed = 50_000, from = From, until = Until });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.True(completed.GetProperty("completed").GetBoolean());
        Assert.False(completed.GetProperty("running").GetBoolean());
        Assert.Equal(expected, completed.GetProperty("reported").GetInt64());
        Assert.Equal(expected, listed.GetProperty("total").GetInt32());
        Assert.Equal(expected, stats.GetProperty("reported").GetInt32());
        Assert.True(stats.GetProperty("closed").GetInt32() > expected / 3, stats.ToString());
        var cases = await AllCases(city, listed.GetProperty("total").GetInt32());
        Assert.Equal(expected, cases.Count);
        // Stamped by the county clock as they are made, which runs on while the simulation catches up: the last up to
        // its lag after the cut-off (at 50,000x on a loaded machine more than a day), but none on the test's own clock,
        // years after the period.
        Assert.All(cases, c => Assert.InRange(c.GetProperty("reportedAt").GetDateTimeOffset(), From, Until + LagAtMost));
        Assert.True(cases.Select(c => c.Str("title")).Distinct().Count() > cases.Count / 2, "titles vary");
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict);
    }

    private static async Task<List<JsonElement>> AllCases(HttpClient city, int total)
    {
        const int pageSize = 200;
        var cases = new List<JsonElement>();
        for (var page = 1; (page - 1) * pageSize < total; page++)
        {
            var listed = await city.GetFromJsonAsync<JsonElement>($"/api/events?pageSize={pageSize}&page={page}");
            cases.AddRange(listed.GetProperty("items").EnumerateArray());
        }
        return cases;
    }

    [Theory]
    [InlineData("""{ "from": "2024-03-04T00:00:00+08:00" }""", "until")]
    [InlineData("""{ "until": "2024-03-04T00:00:00+08:00" }""", "from")]
    [InlineData("""{ "from": "2024-03-04T00:00:00+08:00", "until": "2024-03-03T00:00:00+08:00" }""", "until")]
    [InlineData("""{ "from": "2020-01-01T00:00:00+08:00", "until": "2024-03-03T00:00:00+08:00" }""", "until")]
    [InlineData("""{ "from": "0001-01-02T00:00:00+00:00", "until": "0001-02-01T00:00:00+00:00" }""", "from")]
    [InlineData("""{ "from": "2099-12-01T00:00:00+00:00", "until": "2100-02-01T00:00:00+00:00" }""", "until")]
    public async Task StartAPeriod_BadBounds_Is400Problem(string json, string field)
    {
        using var city = await api.ClientFor("city");

        var response = await city.PostAsync("/api/simulation/start", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
