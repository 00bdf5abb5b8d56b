using System.Collections.Frozen;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Devices;

/// <summary>
/// The county's devices, read once per process like the topology. The report gives only their numbers — "1000 多路"
/// channels the operator built and 3,000 from social resources — so they are placed here, the same way in every
/// process: by a fixed seed, each at a point inside its grid's area, social channels twice as likely in an urban
/// community's grid as in a village's (shops, compounds and schools are where the town is).
/// </summary>
public sealed class DeviceCatalogue
{
    public const int BuiltCameras = 1000;
    public const int SocialCameras = 3000;

    /// <summary>Fixed so that every silo and every run names the same device at the same place.</summary>
    private const int PlacementSeed = 2022;

    private static readonly string[] SocialOwners = ["小区物业", "商铺", "学校", "医院", "宾馆", "加油站", "企业"];

    private readonly DeviceInfo[] _devices;
    private readonly FrozenDictionary<string, DeviceInfo> _byId;

    public DeviceCatalogue(IReadOnlyList<DeviceInfo> devices)
    {
        _devices = [.. devices.OrderBy(d => d.Id, StringComparer.Ordinal)];
        _byId = _devices.ToFrozenDictionary(d => d.Id);
    }

    /// <summary>Every device in id order.</summary>
    public IReadOnlyList<DeviceInfo> All => _devices;

    public DeviceInfo? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The report's 4,000 channels placed over <paramref name="topology"/>'s grids.</summary>
    public static DeviceCatalogue For(CountyTopology topology)
    {
        var random = new Random(PlacementSeed);
        var grids = topology.Grids.OrderBy(g => g.Grid.Id, StringComparer.Ordinal).ToArray();
        var socialWeights = grids.Select(g => g.Village.Kind == "community" ? 2.0 : 1.0).ToArray();
        var devices = new List<DeviceInfo>(BuiltCameras + SocialCameras);
        for (var i = 0; i < BuiltCameras + SocialCameras; i++)
        {
            var built = i < BuiltCameras;
            var place = built ? grids[random.Next(grids.Length)] : grids[WeightedPick(random, socialWeights)];
            var owner = built
                ? $"{place.Township.Name}综治中心（运营商自建）"
                : $"{place.Village.Name}{SocialOwners[random.Next(SocialOwners.Length)]}";
            var id = $"CAM{i + 1:D4}";
            devices.Add(new DeviceInfo(id, built ? DeviceKinds.Camera : DeviceKinds.SocialCamera, place.Grid.Id,
                $"{place.Grid.Name}{(built ? "雪亮工程" : "社会资源")}{id}", PointInside(random, place.Grid), owner));
        }
        return new DeviceCatalogue(devices);
    }

    private static int WeightedPick(Random random, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>A point of the grid's polygon, drawn in its bounding box until one falls inside (grids are convex).</summary>
    private static GeoPoint PointInside(Random random, GridNode grid)
    {
        var (south, north) = (grid.Polygon.Min(p => p.Lat), grid.Polygon.Max(p => p.Lat));
        var (west, east) = (grid.Polygon.Min(p => p.Lng), grid.Polygon.Max(p => p.Lng));
        while (true)
        {
            var point = new GeoPoint(
                Math.Round(south + random.NextDouble() * (north - south), 6),
                Math.Round(west + random.NextDouble() * (east - west), 6));
            if (GridLocator.PolygonContains(grid.Polygon, point))
            {
                return point;
            }
        }
    }
}
