using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class OperationsEndpointsTests(GridActorsApiFactory api)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpoints_AnswerWithoutAToken(string path)
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_ServesTheLiveDashboardPage()
    {
        using var client = api.CreateClient();

        var page = await client.GetAsync("/");
        var script = await client.GetAsync("/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task OrleansDashboard_ShowsThisCluster()
    {
        using var client = api.CreateClient();

        var page = await client.GetAsync("/orleans");
        var counters = await Poll.Until(
            () => client.GetFromJsonAsync<JsonElement>("/orleans/DashboardCounters"),
            c => c.GetProperty("totalActiveHostCount").GetInt32() == 1);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, counters.GetProperty("totalActiveHostCount").GetInt32());
    }

    [Fact]
    public async Task Metrics_ArePrometheusText()
    {
        using var client = api.CreateClient();
        await client.GetAsync("/healthz");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var client = api.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/topology", out _));
        Assert.True(paths.TryGetProperty("/api/workers/{id}/duty", out _));
    }

    /// <summary>
    /// The committed document makes API changes visible in review. Regenerate after an intended change with
    /// <c>GRIDACTORS_UPDATE_OPENAPI=1</c> and commit the result.
    /// </summary>
    [Fact]
    public async Task OpenApi_MatchesTheCommittedDocument()
    {
        using var client = api.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(Repository.Root, "docs", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable("GRIDACTORS_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        Assert.True(JsonNode.DeepEquals(committed, served),
            "docs/openapi/v1.json differs from what the Api serves: run the tests with GRIDACTORS_UPDATE_OPENAPI=1 and commit it.");
    }

    [Fact]
    public async Task OpenApi_NamesQueryParametersInCamelCase_AndLeavesOptionalFieldsOptional()
    {
        using var client = api.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var queryParameters = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("parameters", out _))
            .SelectMany(operation => operation.Value.GetProperty("parameters").EnumerateArray())
            .Where(parameter => parameter.Str("in") == "query")
            .Select(parameter => parameter.Str("name"))
            .ToList();
        Assert.Contains("township", queryParameters);
        Assert.All(queryParameters, name => Assert.True(char.IsLower(name[0]), $"query parameter '{name}' starts upper-case"));
        Assert.All(new[]
        {
            ("ModeRequest", "scope"), ("ModeRequest", "reason"), ("SimulationRequest", "speed"), ("SimulationRequest", "eventsPerDay"),
            ("DevTokenRequest", "scope"), ("VisitPlanRequest", "firstDueAt"), ("ReportRequest", "gridId"), ("PersonInfo", "phone"),
        }, field => Assert.DoesNotContain(field.Item2, Required(document, field.Item1)));
        Assert.Contains("mode", Required(document, "ModeRequest"));
    }

    [Fact]
    public async Task ApiReference_PreselectsTheBearerScheme()
    {
        using var client = api.CreateClient();

        var page = await client.GetStringAsync("/scalar/");

        Assert.Contains("\"preferredSecurityScheme\":[\"Bearer\"]", page, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Required(JsonElement document, string schema) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(schema).TryGetProperty("required", out var required)
            ? [.. required.EnumerateArray().Select(r => r.GetString()!)]
            : [];
}
