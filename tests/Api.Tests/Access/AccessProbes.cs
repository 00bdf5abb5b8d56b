using System.Globalization;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Access;

/// <summary>
/// One request of a route, aimed at the caller's own place (<c>own</c>) or the foreign one; <see cref="Status"/>
/// reads the outcome where the status code alone does not say it (a batch answers per item).
/// </summary>
public sealed record Probe(HttpMethod Method, string Path, object? Body = null, Func<HttpResponseMessage, Task<int>>? Status = null);

/// <summary>The request that tries each route of the access table, as a role of <see cref="AccessWorld"/> would send it.</summary>
public static class AccessProbes
{
    private static readonly GridActors.Grains.Devices.DeviceCatalogue Devices = GridActors.Grains.Devices.DeviceCatalogue.For(County.Topology);

    public static Probe For(string route, string role, bool own, AccessWorld world)
    {
        var grid = own ? AccessWorld.Own : AccessWorld.Foreign;
        var worker = own ? world.OwnWorker : world.ForeignWorker;
        var ownCase = role switch
        {
            "department" => world.DepartmentCase,
            "volunteer" => world.VolunteerCase,
            "feed" => world.FeedCase,
            _ => world.OwnCase,
        };
        var caseId = own ? ownCase : world.ForeignCase;
        var area = own ? OwnArea(role) : AccessWorld.Foreign.Township.Id;
        var participant = role switch
        {
            "citizen" => $"C-{(own ? AccessWorld.Citizen : AccessWorld.OtherCitizen)}",
            "volunteer" when own => AccessWorld.OwnVolunteer,
            _ => worker,
        };
        var report = new { gridId = grid.Grid.Id, category = "hazard", title = "门禁访问表测试" };
        return route switch
        {
            "POST /api/auth/dev-token" => new(HttpMethod.Post, "/api/auth/dev-token", new { role = "township", scope = grid.Township.Id }),
            "GET /api/topology" => new(HttpMethod.Get, "/api/topology"),
            "GET /api/grids/locate" => new(HttpMethod.Get, $"/api/grids/locate?lat={Number(grid.Grid.Centroid.Lat)}&lng={Number(grid.Grid.Centroid.Lng)}"),
            "GET /api/grids/{id}" => new(HttpMethod.Get, $"/api/grids/{grid.Grid.Id}"),
            "GET /api/workers/{id}" => new(HttpMethod.Get, $"/api/workers/{worker}"),
            "PUT /api/workers/{id}/duty" => new(HttpMethod.Put, $"/api/workers/{worker}/duty", new { onDuty = true }),
            "POST /api/events" => new(HttpMethod.Post, "/api/events", report),
            "GET /api/events" => new(HttpMethod.Get, $"/api/events?township={grid.Township.Id}"),
            "POST /api/events/batch" => new(HttpMethod.Post, "/api/events/batch",
                new[] { new { report.gridId, report.category, report.title, requestId = Guid.NewGuid().ToString("N") } }, FirstItemStatus),
            "GET /api/events/{id}" => new(HttpMethod.Get, $"/api/events/{caseId}"),
            var action when action.StartsWith("POST /api/events/{id}/", StringComparison.Ordinal) =>
                new(HttpMethod.Post, $"/api/events/{caseId}/{action["POST /api/events/{id}/".Length..]}", ActionBody(action, role, worker, world)),
            "GET /api/events/nearby" => new(HttpMethod.Get, $"/api/events/nearby?lat={Number(grid.Grid.Centroid.Lat)}&lng={Number(grid.Grid.Centroid.Lng)}"),
            "GET /api/devices" => new(HttpMethod.Get, $"/api/devices?grid={grid.Grid.Id}"),
            "POST /api/feeds/alarms" => new(HttpMethod.Post, "/api/feeds/alarms", new[]
            {
                new { alarmId = Guid.NewGuid().ToString("N"), deviceId = (Devices.All.FirstOrDefault(d => d.GridId == grid.Grid.Id) ?? Devices.All[0]).Id, kind = "garbage", at = DateTimeOffset.UtcNow, drill = "access-probe" },
            }),
            "GET /api/mode" => new(HttpMethod.Get, "/api/mode"),
            "PUT /api/mode" => new(HttpMethod.Put, "/api/mode", new { mode = "routine", scope = grid.Township.Id }),
            "GET /api/grids/{id}/key-persons" => new(HttpMethod.Get, $"/api/grids/{grid.Grid.Id}/key-persons"),
            "POST /api/grids/{id}/key-persons" => new(HttpMethod.Post, $"/api/grids/{grid.Grid.Id}/key-persons",
                new { person = new { name = "张三" }, reason = "社区矫正对象", visits = new[] { new { kind = "scheduled", everyDays = 30 } } }),
            "GET /api/points/catalogue" => new(HttpMethod.Get, "/api/points/catalogue"),
            "GET /api/points/{participantId}" => new(HttpMethod.Get, $"/api/points/{participant}"),
            "POST /api/points/{participantId}/redeem" => Redeem(participant, role, world),
            "GET /api/stats" => new(HttpMethod.Get, $"/api/stats?scope={area}"),
            "GET /api/leaderboards" => new(HttpMethod.Get, $"/api/leaderboards?scope={area}"),
            "GET /api/simulation" => new(HttpMethod.Get, "/api/simulation"),
            // Started at one event a day and stopped by the row after: the probe must not set the county to work.
            "POST /api/simulation/start" => new(HttpMethod.Post, "/api/simulation/start", new { speed = 1, eventsPerDay = 1 }),
            "POST /api/simulation/stop" => new(HttpMethod.Post, "/api/simulation/stop"),
            "DELETE /api/drills/{id}" => new(HttpMethod.Delete, "/api/drills/access-probe"),
            "GET /api/audit" => new(HttpMethod.Get, "/api/audit?pageSize=1"),
            _ => throw new InvalidOperationException($"docs/SECURITY.md names {route}, which AccessProbes does not know how to try."),
        };
    }

    /// <summary>
    /// A body each action accepts, so that what the probe meets is the case's access rule, not validation. A
    /// volunteer grabs as itself, with no worker named. A merge goes into the department's case, in the own grid.
    /// </summary>
    private static object ActionBody(string route, string role, string worker, AccessWorld world) => route.Split('/')[^1] switch
    {
        "merge" => new { into = world.DepartmentCase },
        "grab" when role == "volunteer" => new { note = "门禁访问表测试" },
        "dispatch" or "grab" => new { workerId = worker },
        "verify" => new { passed = true },
        "extend" => new { hours = 2, note = "等待配件" },
        _ => new { note = "门禁访问表测试" },
    };

    /// <summary>The area a role's statistics, boards and live view are about; roles without one ask for their township's.</summary>
    public static string OwnArea(string role) => role switch
    {
        "village" => AccessWorld.Own.Village.Id,
        "worker" => AccessWorld.Own.Grid.Id,
        _ => AccessWorld.Own.Township.Id,
    };

    private static Probe Redeem(string participant, string role, AccessWorld world)
    {
        var (item, points) = world.Redeemable[role is "citizen" or "volunteer" ? role : "worker"];
        return new(HttpMethod.Post, $"/api/points/{participant}/redeem", new { points, item, requestId = Guid.NewGuid().ToString("N") });
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> FirstItemStatus(HttpResponseMessage response) =>
        (int)response.StatusCode is 200 ? (await response.Json())[0].GetProperty("status").GetInt32() : (int)response.StatusCode;

    public static HttpRequestMessage Request(Probe probe, string? token)
    {
        var request = new HttpRequestMessage(probe.Method, probe.Path);
        if (probe.Body is not null)
        {
            request.Content = JsonContent.Create(probe.Body, probe.Body.GetType());
        }
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }
}
