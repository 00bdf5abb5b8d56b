using GridActors.Api.Auth;
using GridActors.Grains.Configuration;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Events;

/// <summary>
/// Who may report and read which case: operators within their area; a worker the cases of its township; a
/// department the cases dispatched to it; a citizen what it reported; a volunteer the chores of its grid open for
/// grabbing, the cases it holds and what it reported. Who may act on a case the case decides itself
/// (<see cref="GridActors.Grains.Events.CaseAccess"/>), so an action needs no read before it.
/// </summary>
public sealed class EventAccess(CountyTopology topology, IOptions<DispatchOptions> dispatch)
{
    private readonly IReadOnlyList<string> _volunteerCategories = dispatch.Value.VolunteerTaskCategories;

    public bool CanReport(Caller caller, GridPlace grid) => caller.Role switch
    {
        Roles.Worker or Roles.Volunteer => grid.Grid.Id == caller.HomeGridId,
        Roles.Department or Roles.Citizen or Roles.Feed => true,
        _ => caller.Covers(PlaceOf(grid)),
    };

    public bool CanRead(Caller caller, EventView view) =>
        view.Assignee == caller.Party
        || view.Report.Reporter == caller.Party
        || (caller.Role == Roles.Worker && TownshipOf(caller) == view.Report.TownshipId)
        || (caller.Role == Roles.Volunteer && view.Status == EventStatus.Grabbing && IsChoreOf(caller, view.Report.GridId, view.Report.Category, view.Priority))
        || (caller.IsOperator && caller.Covers(PlaceOf(view)));

    /// <summary>
    /// Personal fields are shown to the city, to the case's own township, and to the handler of the case (the worker
    /// or department it is assigned to) while it is open — the one who has to call the person back; not to the grid's
    /// other workers, nor after the close. Volunteers never see them: they are residents helping, not staff.
    /// Every unmasked read is decided here, so this is where an audit of such reads hooks in.
    /// </summary>
    public static bool SeesPersonalData(Caller caller, EventView view) =>
        caller.Role == Roles.City
        || (caller.Role == Roles.Township && caller.Scope == view.Report.TownshipId)
        || (caller.Role is Roles.Worker or Roles.Department && view.Assignee == caller.Party && EventTransitions.IsOpen(view.Status));

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
            case Roles.Volunteer:
                return VolunteerListing(caller, query);
            default:
                return query with { Reporter = caller.Party };
        }
    }

    /// <summary>
    /// A volunteer lists, with <c>status=grabbing</c>, the chores of its grid it may take (the volunteer categories
    /// at normal priority), and otherwise the cases it holds or held. A filter for another area, or for a category
    /// that is no chore on the grab list, asks for what it may not see.
    /// </summary>
    private EventQuery? VolunteerListing(Caller caller, EventQuery query)
    {
        var grid = caller.HomeGridId is { } home ? topology.FindGrid(home) : null;
        var inItsGrid = grid is not null
            && (query.GridId is null || query.GridId == grid.Grid.Id)
            && (query.VillageId is null || query.VillageId == grid.Village.Id)
            && (query.TownshipId is null || query.TownshipId == grid.Township.Id);
        if (!inItsGrid)
        {
            return null;
        }
        if (query.Status != EventStatus.Grabbing)
        {
            return query with { GridId = grid!.Grid.Id, Assignee = caller.Party };
        }
        return query.Category is null || _volunteerCategories.Contains(query.Category)
            ? query with { GridId = grid!.Grid.Id, Categories = _volunteerCategories, Priority = Priority.Normal }
            : null;
    }

    /// <summary>A chore of the volunteer's own grid that volunteers may take, as the grab list shows it to them.</summary>
    private bool IsChoreOf(Caller caller, string gridId, string category, Priority priority) =>
        gridId == caller.HomeGridId && _volunteerCategories.Contains(category) && priority == Priority.Normal;

    private string? TownshipOf(Caller caller) =>
        caller.HomeGridId is { } grid ? topology.FindGrid(grid)?.Township.Id : null;

    private static Place PlaceOf(GridPlace grid) => new(grid.Township.Id, grid.Village.Id, grid.Grid.Id);

    private static Place PlaceOf(EventView view) => new(view.Report.TownshipId, view.Report.VillageId, view.Report.GridId);
}
