using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridActors.Api.Hubs;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>
/// docs/API.md describes the public surface and src/Api/Api.http calls it: every operation of the committed OpenAPI
/// document must be named in both, so that a route added to the code shows up as a failing test until it is
/// documented and has a call to try it with.
/// </summary>
public sealed partial class ApiDocsTests
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public void ApiDoc_NamesEveryOperationOfTheOpenApiDocument()
    {
        var routes = DocumentedRoutes();

        var missing = Uncovered(routes, Read("docs", "API.md"));

        Assert.True(missing.Count == 0, $"docs/API.md does not name: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void ApiHttp_CallsEveryOperationOfTheOpenApiDocument()
    {
        var routes = DocumentedRoutes();

        var missing = Uncovered(routes, Read("src", "Api", "Api.http"));

        Assert.True(missing.Count == 0, $"src/Api/Api.http has no call to: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void ApiDoc_NamesTheLiveHubAndEveryMethodAndMessageOfIt()
    {
        var doc = Read("docs", "API.md");
        var calls = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(LiveHub.OnConnectedAsync) or nameof(LiveHub.OnDisconnectedAsync)))
            .Select(m => m.Name);
        var messages = typeof(ILiveClient).GetMethods().Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name);

        var missing = calls.Select(name => $"{name}(").Concat(messages.Select(name => $"`{name}`"))
            .Where(name => !doc.Contains(name, StringComparison.Ordinal)).ToList();

        Assert.Contains(LiveHub.Path, doc, StringComparison.Ordinal);
        Assert.Contains(LiveHub.Path, Read("src", "Api", "Api.http"), StringComparison.Ordinal);
        Assert.True(missing.Count == 0, $"docs/API.md does not name the hub's {string.Join(", ", missing)}.");
    }

    [Theory]
    [InlineData("POST {{base}}/api/events/{{report.response.body.id}}/start", "POST /api/events/{id}/{action}")]
    [InlineData("GET {{base}}/open311/v2/services/hazard.json", "GET /open311/v2/services/{service_code}.{format}")]
    [InlineData("GET {{base}}/api/events?grid=fenglu-01-01&page=1", "GET /api/events")]
    [InlineData("`GET /api/points/{participantId}`", "GET /api/points/{participantId}")]
    [InlineData("`GET /open311/v2/requests.{format}`.", "GET /open311/v2/requests.{format}")]
    public void Uncovered_CountsACallOrATemplateForItsOneRoute(string mention, string route)
    {
        var routes = DocumentedRoutes();

        var missing = Uncovered(routes, mention);

        Assert.DoesNotContain(route, missing);
        Assert.Equal(routes.Count - 1, missing.Count);
    }

    [Theory]
    [InlineData("GET {{base}}/api/points/catalogue", "GET /api/points/{participantId}")]
    [InlineData("GET {{base}}/api/grids/locate?lat=24.62&lng=102.86", "GET /api/grids/{id}")]
    [InlineData("POST {{base}}/api/events/batch", "POST /api/events/{id}/{action}")]
    [InlineData("GET {{base}}/api/events/E123", "GET /api/events")]
    [InlineData("GET {{base}}/open311/v2/requests/E1.json?api_key=dev", "GET /open311/v2/requests.{format}")]
    [InlineData("GET /api/grids/{id}/key-persons", "POST /api/grids/{id}/key-persons")]
    public void Uncovered_DoesNotCountAMentionForItsNeighbour(string mention, string neighbour)
    {
        var routes = DocumentedRoutes();

        var missing = Uncovered(routes, mention);

        Assert.Contains(neighbour, missing);
        Assert.Equal(routes.Count - 1, missing.Count);
    }

    /// <summary>Every "METHOD /path" of docs/openapi/v1.json.</summary>
    private static List<Route> DocumentedRoutes()
    {
        using var document = JsonDocument.Parse(Read("docs", "openapi", "v1.json"));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => Methods.Contains(operation.Name.ToUpperInvariant()))
                .Select(operation => new Route(operation.Name.ToUpperInvariant(), path.Name)))
            .ToList();
        Assert.NotEmpty(routes);
        return routes;
    }

    /// <summary>
    /// The routes that no "METHOD /path" of the text stands for. A mention stands for the route whose template it
    /// fits with the most literal characters, so <c>GET /api/points/catalogue</c> is that route, not a ledger's
    /// <c>GET /api/points/{participantId}</c>; a parameter fits a template (<c>{id}</c>) or a concrete value
    /// (<c>E123</c>, <c>{{report.response.body.id}}</c>) alike.
    /// </summary>
    private static List<string> Uncovered(IReadOnlyList<Route> routes, string text)
    {
        var covered = Mention().Matches(text)
            .Select(m => (Method: m.Groups["method"].Value, Path: m.Groups["path"].Value.TrimEnd('.')))
            .Select(m => routes.Where(r => r.Method == m.Method && r.Pattern.IsMatch(m.Path)).MaxBy(r => r.Literal))
            .OfType<Route>()
            .ToHashSet();
        return [.. routes.Where(r => !covered.Contains(r)).Select(r => r.ToString())];
    }

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Repository.Root, .. path]));

    /// <summary>A method and a path, as docs/API.md writes it or as an Api.http request line has it after <c>{{base}}</c>.</summary>
    [GeneratedRegex(@"\b(?<method>GET|POST|PUT|DELETE|PATCH)\s+(?:\{\{base\}\})?(?<path>/[^\s?`|),;]*)")]
    private static partial Regex Mention();

    private sealed record Route(string Method, string Template)
    {
        /// <summary>The template with each <c>{parameter}</c> standing for one path segment's worth of characters.</summary>
        public Regex Pattern { get; } = new(
            "^" + string.Concat(Regex.Split(Template, @"(\{[^}]+\})").Select(part => part.StartsWith('{') ? @"[^/?\s]+" : Regex.Escape(part))) + "$");

        public int Literal { get; } = Regex.Replace(Template, @"\{[^}]+\}", "").Length;

        public override string ToString() => $"{Method} {Template}";
    }
}
