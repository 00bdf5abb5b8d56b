using GridActors.Api.Auth;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>An area named by a <c>scope</c> parameter: its level, its place in the tree and the filter for its cases.</summary>
public sealed record Area(string Id, string Level, Place? Place, EventQuery Filter, int Workers)
{
    /// <summary>The grid lies in the area.</summary>
    public bool Covers(GridPlace grid) =>
        (Filter.TownshipId is null || grid.Township.Id == Filter.TownshipId)
        && (Filter.VillageId is null || grid.Village.Id == Filter.VillageId)
        && (Filter.GridId is null || grid.Grid.Id == Filter.GridId);
}

/// <summary>Resolves the <c>scope</c> of statistics and rankings (the city, a township, village or grid id).</summary>
public sealed class ScopeResolver(CountyTopology topology)
{
    public Area? Resolve(string? scope)
    {
        // "city" is the contract's name for the whole county, beside its id.
        var id = string.IsNullOrWhiteSpace(scope) || scope.Trim() == "city" ? topology.City.Id : scope.Trim();
        if (id == topology.City.Id)
        {
            return new Area(id, "city", null, new EventQuery(), topology.Workers.Count());
        }
        if (topology.FindTownship(id) is { } township)
        {
            return new Area(id, "township", new Place(id, "", ""), new EventQuery(TownshipId: id),
                township.Villages.Sum(v => v.Grids.Sum(g => g.Workers.Count)));
        }
        if (topology.FindVillage(id) is var (village, parent))
        {
            return new Area(id, "village", new Place(parent.Id, id, ""), new EventQuery(VillageId: id),
                village.Grids.Sum(g => g.Workers.Count));
        }
        if (topology.FindGrid(id) is { } grid)
        {
            return new Area(id, "grid", new Place(grid.Township.Id, grid.Village.Id, id), new EventQuery(GridId: id), grid.Grid.Workers.Count);
        }
        return null;
    }

    /// <summary>The city area is the city's; others go to whoever covers them.</summary>
    public static bool CanSee(Caller caller, Area area) =>
        area.Place is { } place ? caller.Covers(place) : caller.Role == Roles.City;
}
