using System.Net;
using System.Text.Json;
using GridActors.Api.Hubs;
using GridActors.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Tests.Access;

/// <summary>
/// docs/SECURITY.md's access tables are the rules: every route of the OpenAPI document and every method of the live
/// hub has a row for every caller, and every row is tried — in the caller's own area and outside it — and must
/// answer as the table says.
/// </summary>
public sealed class AccessTableTests(AccessApiFactory api) : IClassFixture<AccessApiFactory>
{
    public static readonly string[] RoleColumns = ["anonymous", "city", "township", "village", "worker", "department", "citizen", "volunteer", "feed"];
    public static readonly string[] KeyColumns = ["no key", "wrong key", "county key", "township key"];

    public static TheoryData<string> RoleRoutes => [.. AccessTable.Of(AccessTable.Roles).Select(r => r.Route)];

    public static TheoryData<string> Open311Routes => [.. AccessTable.Of(AccessTable.Open311).Select(r => r.Route)];

    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static AccessWorld? _world;

    [Fact]
    public void EveryRouteAndHubMethod_HasARowForEveryCaller_AndEveryRowARoute()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi", "v1.json")));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => (Method: method.Name.ToUpperInvariant(), Template: path.Name)))
            .ToList();
        var hubMethods = typeof(LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.Name.StartsWith("On", StringComparison.Ordinal)).Select(m => m.Name).ToList();

        var withoutRow = routes.Where(r => !AccessTable.Rows.Any(row => row.Covers(r.Method, r.Template))).Select(r => $"{r.Method} {r.Template}")
            .Concat(hubMethods.Where(m => !AccessTable.Rows.Any(row => row.Route == $"HUB {m}")).Select(m => $"HUB {m}"));
        var withoutRoute = AccessTable.Rows.Where(row => row.Method == "HUB"
            ? !hubMethods.Contains(row.Template)
            : !routes.Any(r => row.Covers(r.Method, r.Template)));
        var incomplete = AccessTable.Rows.Where(row =>
            !(row.Table == AccessTable.Roles ? RoleColumns : KeyColumns).All(row.Cells.ContainsKey));

        Assert.True(AccessTable.Rows.Count > 30, "docs/SECURITY.md's tables were read");
        Assert.Empty(withoutRow);
        Assert.Empty(withoutRoute);
        Assert.Empty(incomplete);
    }

    [Theory]
    [MemberData(nameof(RoleRoutes))]
    public async Task EachRole_GetsWhatTheTableSays_InItsOwnAreaAndOutsideIt(string route)
    {
        var world = await World();
        var row = AccessTable.Of(AccessTable.Roles).Single(r => r.Route == route);
        var wrong = new List<string>();
        foreach (var role in RoleColumns)
        {
            var cell = row.Cells[role];
            var token = role == "anonymous" ? null : await api.TokenFor(role, AccessWorld.ScopeOf(role));
            // An allowed action moves its case on (a return takes it from its handler), so each caller tries an action
            // on cases of its own, as the table's rows may run in any order.
            var cases = route.StartsWith("POST /api/events/{id}/", StringComparison.Ordinal) ? await AccessWorld.Create(api) : world;
            foreach (var own in new[] { true, false })
            {
                var status = await Try(route, role == "anonymous" ? "city" : role, own, token, cases);
                if (!Expected(cell, own, status, allowedUnless: [400, 401, 403]))
                {
                    wrong.Add($"{role} ({(own ? "own" : "foreign")}): {status}, the table says {cell.Value}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{route}:\n{string.Join("\n", wrong)}");
    }

    [Theory]
    [MemberData(nameof(Open311Routes))]
    public async Task EachApiKey_GetsWhatTheTableSays_InItsOwnTownshipAndOutsideIt(string route)
    {
        var world = await World();
        var row = AccessTable.Of(AccessTable.Open311).Single(r => r.Route == route);
        var wrong = new List<string>();
        foreach (var column in KeyColumns)
        {
            var key = column switch
            {
                "wrong key" => "not-a-key-of-this-county",
                "county key" => AccessApiFactory.CountyKey,
                "township key" => AccessApiFactory.TownshipKey,
                _ => null,
            };
            foreach (var own in new[] { true, false })
            {
                using var client = api.CreateClient();
                var status = (int)(await client.SendAsync(Open311Probes.For(route, key, own, world))).StatusCode;
                if (!Expected(row.Cells[column], own, status, allowedUnless: [400, 401, 403]))
                {
                    wrong.Add($"{column} ({(own ? "own" : "foreign")}): {status}, the table says {row.Cells[column].Value}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{route}:\n{string.Join("\n", wrong)}");
    }

    private static bool Expected(AccessCell cell, bool own, int status, int[] allowedUnless) => cell.Value switch
    {
        "allow" => !allowedUnless.Contains(status) && status < 500,
        "own" => own ? !allowedUnless.Contains(status) && status < 500 : status == 403,
        "deny" => status == 403,
        var exact when int.TryParse(exact, out var code) => status == code,
        _ => throw new InvalidOperationException($"'{cell.Value}' is not an outcome of the access table."),
    };

    private async Task<int> Try(string route, string role, bool own, string? token, AccessWorld world)
    {
        if (route.StartsWith("HUB ", StringComparison.Ordinal))
        {
            return await TryHub(route["HUB ".Length..], own ? AccessProbes.OwnArea(role) : AccessWorld.Foreign.Township.Id, token);
        }
        var probe = AccessProbes.For(route, role, own, world);
        using var client = api.CreateClient();
        var response = await client.SendAsync(AccessProbes.Request(probe, token));
        if (route == "POST /api/simulation/start" && response.IsSuccessStatusCode)
        {
            using var city = await api.ClientFor("city");
            await city.PostAsync("/api/simulation/stop", null);
        }
        return probe.Status is null ? (int)response.StatusCode : await probe.Status(response);
    }

    /// <summary>A hub method's outcome as a status: 401 when the connection is refused, 403 when the call is.</summary>
    private async Task<int> TryHub(string method, string scope, string? token)
    {
        LiveConnection connection;
        try
        {
            connection = await LiveConnection.Open(api, token ?? "");
        }
        catch (HttpRequestException refused) when (refused.StatusCode == HttpStatusCode.Unauthorized)
        {
            return 401;
        }
        await using (connection)
        {
            try
            {
                await connection.Invoke(method, scope);
                return 200;
            }
            catch (HubException)
            {
                return 403;
            }
        }
    }

    private async Task<AccessWorld> World()
    {
        await WorldLock.WaitAsync();
        try
        {
            return _world ??= await AccessWorld.Create(api);
        }
        finally
        {
            WorldLock.Release();
        }
    }
}
