using GridActors.Api.Auth;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>
/// Who may report, read and act on which case. Operators act within their area; a worker reads the cases of
/// its grid and the neighbouring ones (where it may grab) and acts on its own tasks; a department on the cases
/// dispatched to it; a citizen reads what it reported.
/// </summary>
public sealed class EventAccess(CountyTopology topology)
{
    private static readonly EventAction[] HandlerActions = [EventAction.Start, EventAction.Resolve, EventAction.Return];

    public bool CanReport(Caller caller, GridPlace grid) => caller.Role switch
    {
        Roles.Worker => grid.Grid.Id == caller.HomeGridId,
        Roles.Department or Roles.Citizen => true,
        _ => caller.Covers(PlaceOf(grid)),
    };

    public bool CanRead(Caller caller, EventView view) =>
        view.Assignee == caller.Party
        || view.Report.Reporter == caller.Party
        || (caller.Role == Roles.Worker && topology.IsGridOrNeighbour(view.Report.GridId, caller.HomeGridId ?? ""))
        || (caller.IsOperator && caller.Covers(PlaceOf(view)));

    /// <summary><paramref name="workerId"/> is the worker named by a grab; a worker may grab only for itself.</summary>
    public bool CanAct(Caller caller, EventAction action, EventView view, string? workerId)
    {
        if (caller.IsOperator)
        {
            return caller.Covers(PlaceOf(view));
        }
        if (action == EventAction.Grab)
        {
            return caller.Role == Roles.Worker && workerId == caller.Scope
                && topology.IsGridOrNeighbour(view.Report.GridId, caller.HomeGridId ?? "");
        }
        return HandlerActions.Contains(action) && view.Assignee == caller.Party;
    }

    /// <summary>Personal fields are shown to the city and to the case's own township only.</summary>
    public static bool SeesPersonalData(Caller caller, EventView view) =>
        caller.Role == Roles.City || (caller.Role == Roles.Township && caller.Scope == view.Report.TownshipId);

    /// <summary>Narrows a listing to the caller's cases; null when the filters ask for someone else's area.</summary>
    public EventQuery? Restrict(Caller caller, EventQuery query)
    {
        switch (caller.Role)
        {
            case Roles.City:
                return query;
            case Roles.Township:
                return query.TownshipId is null || query.TownshipId == caller.Scope ? query with { TownshipId = caller.Scope } : null;
            case Roles.Village:
                var township = topology.FindVillage(caller.Scope)?.Township.Id;
                var fits = (query.VillageId is null || query.VillageId == caller.Scope)
                    && (query.TownshipId is null || query.TownshipId == township);
                return fits ? query with { VillageId = caller.Scope } : null;
            case Roles.Worker:
                var grid = query.GridId ?? caller.HomeGridId;
                return grid is not null && topology.IsGridOrNeighbour(grid, caller.HomeGridId ?? "") ? query with { GridId = grid } : null;
            case Roles.Department:
                return query with { Assignee = caller.Party };
            default:
                return query with { Reporter = caller.Party };
        }
    }

    private static Place PlaceOf(GridPlace grid) => new(grid.Township.Id, grid.Village.Id, grid.Grid.Id);

    private static Place PlaceOf(EventView view) => new(view.Report.TownshipId, view.Report.VillageId, view.Report.GridId);
}
