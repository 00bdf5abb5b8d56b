using GridActors.Grains.Interfaces;

namespace GridActors.Grains.Topology;

/// <summary>The county as it is written in <c>chengjiang.json</c>; see docs/TOPOLOGY.md for what is real and what is generated.</summary>
public sealed record TopologyDocument(
    CityNode City,
    IReadOnlyList<TownshipNode> Townships,
    IReadOnlyList<DepartmentNode> Departments,
    IReadOnlyList<CategoryNode> Categories);

public sealed record CityNode(string Id, string Name, string NameEn);

public sealed record TownshipNode(string Id, string Name, string NameEn, Bounds Bounds, IReadOnlyList<VillageNode> Villages);

public sealed record VillageNode(string Id, string Name, string Kind, IReadOnlyList<GridNode> Grids);

public sealed record GridNode(string Id, string Name, GeoPoint Centroid, IReadOnlyList<GeoPoint> Polygon, IReadOnlyList<WorkerNode> Workers);

public sealed record WorkerNode(string Id, string Name, string Role, string Employment);

public sealed record DepartmentNode(string Id, string Name, string NameEn, IReadOnlyList<string> Categories);

public sealed record CategoryNode(string Id, string Name, string NameEn, string Priority, string HandledBy);

public sealed record Bounds(double South, double West, double North, double East)
{
    public bool Contains(GeoPoint point) =>
        point.Lat >= South && point.Lat <= North && point.Lng >= West && point.Lng <= East;

    public static Bounds Around(IReadOnlyList<GeoPoint> polygon) => new(
        South: polygon.Min(p => p.Lat),
        West: polygon.Min(p => p.Lng),
        North: polygon.Max(p => p.Lat),
        East: polygon.Max(p => p.Lng));
}
