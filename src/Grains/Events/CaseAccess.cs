using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Events;

/// <summary>
/// Who may act on a case, decided by the case itself against its own state, so that an action needs no read of
/// the case before it. Operators act within their area and dispatch only to workers and volunteers of their area; a worker
/// grabs in its grid and the neighbouring ones (its whole township in emergency mode) and works its own tasks;
/// a volunteer grabs in its own grid; a department works the cases dispatched to it; whoever holds a case (a worker, a
/// volunteer or a department) starts, resolves or returns it.
/// </summary>
public static class CaseAccess
{
    private static readonly EventAction[] HandlerActions = [EventAction.Start, EventAction.Resolve, EventAction.Return];

    public static bool CanAct(CountyTopology topology, Party actor, EventCommand command, EventState state)
    {
        var report = state.Report!;
        if (command.VolunteerId is not null && !NamesVolunteerRightly(actor, command))
        {
            return false;
        }
        if (IsOperator(actor))
        {
            return Covers(actor, report.TownshipId, report.VillageId)
                && (command.WorkerId is null || WorkerInArea(topology, actor, command.WorkerId))
                && (command.VolunteerId is null || VolunteerInArea(topology, actor, command.VolunteerId));
        }
        if (command.Action == EventAction.Grab && actor.Kind == PartyKinds.Volunteer)
        {
            return command.VolunteerId == actor.Id && VolunteerTasks.ServesGrid(topology, actor.Id, report.GridId);
        }
        if (command.Action == EventAction.Grab)
        {
            var home = topology.FindWorker(actor.Id)?.Home;
            return actor.Kind == PartyKinds.Worker && command.WorkerId == actor.Id && home is not null
                && (state.Mode == OperatingMode.Emergency
                    ? home.Township.Id == report.TownshipId
                    : topology.IsGridOrNeighbour(report.GridId, home.Grid.Id));
        }
        return HandlerActions.Contains(command.Action) && state.Assignee == actor;
    }

    /// <summary>
    /// A volunteer is named only by an operator's dispatch, as its one target, or by the volunteer grabbing for
    /// itself: the edge checks this too, and the case does not take its word for it.
    /// </summary>
    private static bool NamesVolunteerRightly(Party actor, EventCommand command) => command.Action switch
    {
        EventAction.Dispatch => IsOperator(actor) && command is { WorkerId: null, DepartmentId: null, GrabMode: false },
        EventAction.Grab => actor.Kind == PartyKinds.Volunteer && command.WorkerId is null,
        _ => false,
    };

    private static bool IsOperator(Party actor) => actor.Kind is PartyKinds.City or PartyKinds.Township or PartyKinds.Village;

    private static bool Covers(Party operatorParty, string townshipId, string villageId) => operatorParty.Kind switch
    {
        PartyKinds.City => true,
        PartyKinds.Township => townshipId == operatorParty.Id,
        _ => villageId == operatorParty.Id,
    };

    private static bool WorkerInArea(CountyTopology topology, Party operatorParty, string workerId) =>
        topology.FindWorker(workerId) is { } worker && Covers(operatorParty, worker.Home.Township.Id, worker.Home.Village.Id);

    private static bool VolunteerInArea(CountyTopology topology, Party operatorParty, string volunteerId) =>
        topology.FindVolunteer(volunteerId) is { } grid && Covers(operatorParty, grid.Township.Id, grid.Village.Id);
}
