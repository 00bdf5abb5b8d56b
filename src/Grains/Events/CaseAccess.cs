using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Events;

/// <summary>
/// Who may act on a case, decided by the case itself against its own state, so that an action needs no read of
/// the case before it. Operators act within their area and dispatch only to workers of their area; a worker
/// grabs in its grid and the neighbouring ones (its whole township in emergency mode) and works its own tasks;
/// a department works the cases dispatched to it.
/// </summary>
public static class CaseAccess
{
    private static readonly EventAction[] HandlerActions = [EventAction.Start, EventAction.Resolve, EventAction.Return];

    public static bool CanAct(CountyTopology topology, Party actor, EventCommand command, EventState state)
    {
        var report = state.Report!;
        if (IsOperator(actor))
        {
            return Covers(actor, report.TownshipId, report.VillageId)
                && (command.WorkerId is null || WorkerInArea(topology, actor, command.WorkerId));
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

    private static bool IsOperator(Party actor) => actor.Kind is PartyKinds.City or PartyKinds.Township or PartyKinds.Village;

    private static bool Covers(Party operatorParty, string townshipId, string villageId) => operatorParty.Kind switch
    {
        PartyKinds.City => true,
        PartyKinds.Township => townshipId == operatorParty.Id,
        _ => villageId == operatorParty.Id,
    };

    private static bool WorkerInArea(CountyTopology topology, Party operatorParty, string workerId) =>
        topology.FindWorker(workerId) is { } worker && Covers(operatorParty, worker.Home.Township.Id, worker.Home.Village.Id);
}
