using GridActors.Grains.Interfaces;
using GridActors.Grains.Topology;

namespace GridActors.Api.Contracts;

/// <summary>The county tree of docs/API.md "Topology and grids"; grids list their workers by id only.</summary>
public sealed record TopologyResponse(
    TopologyResponse.Area City,
    IReadOnlyList<TopologyResponse.Township> Townships,
    IReadOnlyList<DepartmentNode> Departments,
    IReadOnlyList<CategoryNode> Categories)
{
    public sealed record Area(string Id, string Name, string NameEn);

    public sealed record Township(string Id, string Name, string NameEn, Bounds Bounds, IReadOnlyList<Village> Villages);

    public sealed record Village(string Id, string Name, string Kind, IReadOnlyList<Grid> Grids);

    /// <summary>A grid with its outline, so that a dashboard can draw the county without another call.</summary>
    public sealed record Grid(string Id, string Name, GeoPoint Centroid, IReadOnlyList<GeoPoint> Polygon, IReadOnlyList<string> WorkerIds);

    public static TopologyResponse From(TopologyDocument document) => new(
        new Area(document.City.Id, document.City.Name, document.City.NameEn),
        [.. document.Townships.Select(t => new Township(t.Id, t.Name, t.NameEn, t.Bounds,
            [.. t.Villages.Select(v => new Village(v.Id, v.Name, v.Kind,
                [.. v.Grids.Select(g => new Grid(g.Id, g.Name, g.Centroid, g.Polygon, [.. g.Workers.Select(w => w.Id)]))]))]))],
        document.Departments,
        document.Categories);
}
