using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Topology;

namespace GridActors.Api.Tests.Access;

/// <summary>
/// An Api of its own for the access table, in which nothing is routed on its own (<c>Dispatch:Auto=false</c>), so
/// that its cases belong to whom the world below dispatches them; Open311 keys for the county and for one township.
/// </summary>
public sealed class AccessApiFactory : GridActorsApiFactory
{
    public const string CountyKey = "access-county-key-0123456789";
    public const string TownshipKey = "access-township-key-0123456789";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Dispatch:Auto"] = "false",
        ["Open311:ApiKeys:0:Key"] = CountyKey,
        ["Open311:ApiKeys:0:System"] = "access-county",
        ["Open311:ApiKeys:1:Key"] = TownshipKey,
        ["Open311:ApiKeys:1:System"] = "access-township",
        ["Open311:ApiKeys:1:Township"] = AccessWorld.Own.Township.Id,
    };
}

/// <summary>
/// Whose is what, for the access table. Each role has its own place: the township <see cref="Own"/> lies in, its
/// first village, that village's first grid, its first worker and first volunteer; a department; a citizen. The
/// foreign place is another township's grid and worker. Four cases: one the citizen reported in the own grid and the
/// city dispatched to the own worker, one of the department dispatched to it there, a chore there dispatched to the
/// own volunteer, one in the foreign grid.
/// </summary>
public sealed class AccessWorld
{
    public static readonly GridPlace Own = County.GridOf(townshipIndex: 2, gridIndex: 0);
    public static readonly GridPlace Foreign = County.GridOf(townshipIndex: 0, gridIndex: 0);
    public const string Department = "public-security";
    public const string DepartmentCategory = "public-security";
    public const string Citizen = "c-access";
    public const string OtherCitizen = "c-stranger";
    public const string Feed = "video";

    public string OwnWorker => Own.Grid.Workers[0].Id;

    public string ForeignWorker => Foreign.Grid.Workers[0].Id;

    public static string OwnVolunteer => County.Topology.VolunteersOf(Own.Grid.Id)[0];

    public required string OwnCase { get; init; }

    public required string DepartmentCase { get; init; }

    public required string VolunteerCase { get; init; }

    public required string ForeignCase { get; init; }

    /// <summary>A case the feed filed as itself.</summary>
    public required string FeedCase { get; init; }

    /// <summary>Items of the points catalogue a worker, a volunteer and a citizen may redeem, by kind.</summary>
    public required IReadOnlyDictionary<string, (string Item, int Points)> Redeemable { get; init; }

    /// <summary>The scope of a role's token: its own township, village, worker, department, citizen or volunteer.</summary>
    public static string? ScopeOf(string role) => role switch
    {
        "city" => null,
        "township" => Own.Township.Id,
        "village" => Own.Village.Id,
        "worker" => Own.Grid.Workers[0].Id,
        "department" => Department,
        "citizen" => Citizen,
        "volunteer" => OwnVolunteer,
        "feed" => Feed,
        _ => null,
    };

    public static async Task<AccessWorld> Create(GridActorsApiFactory api)
    {
        using var city = await api.ClientFor("city");
        using var citizen = await api.ClientFor("citizen", Citizen);
        using var feed = await api.ClientFor("feed", Feed);
        var own = await Filed(citizen, Own.Grid.Id, "hazard");
        await Dispatched(city, own, new { workerId = Own.Grid.Workers[0].Id });
        var department = await Filed(city, Own.Grid.Id, DepartmentCategory);
        await Dispatched(city, department, new { departmentId = Department });
        var chore = await Filed(city, Own.Grid.Id, "sanitary-city");
        await Dispatched(city, chore, new { volunteerId = OwnVolunteer });
        var foreign = await Filed(city, Foreign.Grid.Id, "hazard");
        await Dispatched(city, foreign, new { workerId = Foreign.Grid.Workers[0].Id });
        var filedByFeed = await Filed(feed, Own.Grid.Id, "hazard");
        var catalogue = await city.GetFromJsonAsync<JsonElement>("/api/points/catalogue");
        return new AccessWorld
        {
            OwnCase = own,
            DepartmentCase = department,
            VolunteerCase = chore,
            ForeignCase = foreign,
            FeedCase = filedByFeed,
            Redeemable = new[] { "worker", "volunteer", "citizen" }.ToDictionary(kind => kind, kind =>
            {
                var item = catalogue.EnumerateArray().First(i => i.GetProperty("for").EnumerateArray().Any(f => f.GetString() == kind));
                return (item.Str("id"), item.GetProperty("points").GetInt32());
            }),
        };
    }

    private static async Task<string> Filed(HttpClient client, string gridId, string category)
    {
        var response = await client.PostAsJsonAsync("/api/events", EventCalls.Report(gridId, category, title: "门禁访问表测试"));
        response.EnsureSuccessStatusCode();
        return (await response.Json()).Str("id");
    }

    private static async Task Dispatched(HttpClient city, string id, object dispatch)
    {
        (await city.ActAsync(id, "accept")).EnsureSuccessStatusCode();
        (await city.ActAsync(id, "dispatch", dispatch)).EnsureSuccessStatusCode();
    }
}
