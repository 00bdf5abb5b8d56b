using GridActors.Api.Auth;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>
/// Who may report, read and act on which case. Operators act within their area, and dispatch only to workers
/// of their area; a worker reads the cases of its township, grabs in its grid and the neighbouring ones (its
/// whole township in emergency mode) and acts on its own tasks; a department on the cases dispatched to it;
/// a citizen reads what it reported.
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
        || (caller.Role == Roles.Worker && TownshipOf(caller) == view.Report.TownshipId)
        || (caller.IsOperator && caller.Covers(PlaceOf(view)));

    /// <summary><paramref name="workerId"/> is the worker named by a grab; a worker may grab only for itself.</summary>
    public bool CanAct(Caller caller, EventAction action, EventView view, string? workerId)
    {
        if (caller.IsOperator)
        {
            return caller.Covers(PlaceOf(view)) && (workerId is null || WorkerInArea(caller, workerId));
        }
        if (action == EventAction.Grab)
        {
            return caller.Role == Roles.Worker && workerId == caller.Scope && (view.Mode == OperatingMode.Emergency
                ? TownshipOf(caller) == view.Report.TownshipId
                : topology.IsGridOrNeighbour(view.Report.GridId, caller.HomeGridId ?? ""));
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
                var inVillage = (query.VillageId is null || query.VillageId == caller.Scope)
                    && (query.TownshipId is null || query.TownshipId == township);
                return inVillage ? query with { VillageId = caller.Scope } : null;
            case Roles.Worker:
                var home = TownshipOf(caller);
                var fits = home is not null && (query.TownshipId is null || query.TownshipId == home)
                    && (query.GridId is null || topology.FindGrid(query.GridId)?.Township.Id == home);
                return fits ? query with { TownshipId = home, GridId = query.GridId ?? (query.VillageId is null ? caller.HomeGridId : null) } : null;
            case Roles.Department:
                return query with { Assignee = caller.Party };
            default:
                return query with { Reporter = caller.Party };
        }
    }

    /// <summary>A dispatch names a worker: it must be one of the operator's own area.</summary>
    private bool WorkerInArea(Caller caller, string workerId) =>
        topology.FindWorker(workerId) is { } worker
        && caller.Covers(new Place(worker.Home.Township.Id, worker.Home.Village.Id, worker.Home.Grid.Id, workerId));

    private string? TownshipOf(Caller caller) =>
        caller.HomeGridId is { } grid ? topology.FindGrid(grid)?.Township.Id : null;

    private static Place PlaceOf(GridPlace grid) => new(grid.Township.Id, grid.Village.Id, grid.Grid.Id);

    private static Place PlaceOf(EventView view) => new(view.Report.TownshipId, view.Report.VillageId, view.Report.GridId);
}
