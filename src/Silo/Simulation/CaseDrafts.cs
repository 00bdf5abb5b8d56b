using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Silo.Simulation;

/// <summary>
/// Where a scripted case happens, who reports it and in what words: a seeded draw of grid, reporter, place and
/// wording, so one seed writes the same county. Not thread-safe: the simulation draws under its lock.
/// </summary>
public sealed class CaseDrafts(CountyTopology topology, int seed)
{
    private readonly GridPlace[] _grids = [.. topology.Grids.OrderBy(g => g.Grid.Id, StringComparer.Ordinal)];
    private readonly CaseReporters _reporters = new(topology);
    private readonly Random _places = new(seed);

    public NewCase Draw(CaseScript script, DateTimeOffset at)
    {
        var place = _grids[_places.Next(_grids.Length)];
        var (title, description) = CaseWording.For(script.Category, place.Village.Name, _places);
        var (reporter, person) = _reporters.For(script.Channel, place, _places);
        var draft = new ReportDraft(place.Grid.Id, place.Village.Id, place.Township.Id, script.Category, title, description,
            script.Priority, reporter, PointIn(place.Grid), person, KnownDistinct: true);
        return new NewCase(Grains.Events.EventIds.New(), draft, script, at);
    }

    private GeoPoint PointIn(GridNode grid)
    {
        double minLat = grid.Polygon.Min(p => p.Lat), maxLat = grid.Polygon.Max(p => p.Lat);
        double minLng = grid.Polygon.Min(p => p.Lng), maxLng = grid.Polygon.Max(p => p.Lng);
        return new GeoPoint(Math.Round(minLat + (maxLat - minLat) * _places.NextDouble(), 6),
            Math.Round(minLng + (maxLng - minLng) * _places.NextDouble(), 6));
    }
}
