using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Grains.Events;

/// <summary>
/// The case file and the single writer of its state. Each step is decided by <see cref="EventTransitions"/>,
/// written to storage, then projected to the read model and told to the workers it concerns — in that order,
/// so nothing is acknowledged or shown before it is durable. Reactivation re-projects and re-tells, which
/// heals a crash between the write and what follows it.
/// </summary>
public sealed class EventGrain(
    [PersistentState("event", StorageNames.Events)] IPersistentState<EventState> state,
    CountyTopology topology,
    IEventReadModel readModel,
    IOptions<DispatchOptions> dispatchOptions,
    TimeProvider time) : Grain, IEventGrain
{
    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private IGrainTimer? _grabWindow;

    private EventState Case => state.State;

    private bool Exists => state.RecordExists && Case.Report is not null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return;
        }
        await readModel.Project(EventSummary.From(View()));
        if (Case.Assignee is { Kind: PartyKinds.Worker } worker && !EventTransitions.ReleasesHandler(Case.Status))
        {
            await Worker(worker.Id).AssignTask(this.GetPrimaryKeyString());
        }
        if (Case.Status == EventStatus.Grabbing)
        {
            ArmGrabWindow();
        }
    }

    public async Task<ReportOutcome> Report(ReportDraft draft)
    {
        if (Exists)
        {
            return Case.Report == draft
                ? new ReportOutcome(ReportResult.Duplicate, View())
                : new ReportOutcome(ReportResult.Conflict, null);
        }

        Case.Report = draft;
        Case.Status = EventStatus.Reported;
        Case.ReportedAt = time.GetUtcNow();
        Record(EventAction.Report, draft.Reporter, draft.Title);
        if (_dispatch.Auto)
        {
            Case.Status = EventStatus.Accepted;
            Record(EventAction.Accept, Party.System, "accepted automatically");
            await RouteAutomatically();
        }

        await Commit(previousWorker: null);
        return new ReportOutcome(ReportResult.Created, View());
    }

    public Task<EventView?> GetView()
    {
        if (!Exists)
        {
            DeactivateOnIdle();
            return Task.FromResult<EventView?>(null);
        }
        return Task.FromResult<EventView?>(View());
    }

    public async Task<ActionOutcome> Act(EventCommand command)
    {
        if (!Exists)
        {
            DeactivateOnIdle();
            return new ActionOutcome(ActionResult.NotFound, null, "No case has this id.");
        }

        var next = EventTransitions.Next(Case.Status, command.Action, command.GrabMode, command.Passed);
        if (next is not { } status)
        {
            return Refuse($"A case that is {Names.Of(Case.Status)} cannot take '{Names.Of(command.Action)}'.");
        }
        var previousWorker = Case.Assignee is { Kind: PartyKinds.Worker } worker ? worker.Id : null;
        if (await Apply(command, status) is { } refusal)
        {
            return Refuse(refusal);
        }

        Record(command.Action, command.Actor, command.Note);
        await Commit(previousWorker);
        return new ActionOutcome(ActionResult.Done, View());
    }

    /// <summary>Changes the state for one allowed action; returns why not when the case's details forbid it.</summary>
    private async Task<string?> Apply(EventCommand command, EventStatus next)
    {
        switch (command.Action)
        {
            case EventAction.Dispatch when command.GrabMode:
                Case.Assignee = null;
                Case.GrabOpenedAt = time.GetUtcNow();
                break;
            case EventAction.Dispatch:
                Case.Assignee = command.WorkerId is { } workerId
                    ? new Party(PartyKinds.Worker, workerId)
                    : new Party(PartyKinds.Department, command.DepartmentId!);
                break;
            case EventAction.Grab:
                if (await GrabRefusal(command.WorkerId!) is { } reason)
                {
                    return reason;
                }
                Case.Assignee = new Party(PartyKinds.Worker, command.WorkerId!);
                break;
            case EventAction.Verify when command.Passed == false:
                Case.ReworkCount++;
                break;
            case EventAction.Verify:
                Case.ClosedAt = time.GetUtcNow();
                break;
            case EventAction.Return or EventAction.Park or EventAction.Cancel:
                Case.Assignee = null;
                break;
            case EventAction.Extend:
                Case.ExtensionCount++;
                break;
            case EventAction.Escalate when Case.EscalationLevel >= EscalationLevels.City:
                return "The case is already escalated to the city, the highest level.";
            case EventAction.Escalate:
                Case.EscalationLevel++;
                break;
            case EventAction.Supervise:
                Case.SupervisionCount++;
                break;
        }
        Case.Status = next;
        return null;
    }

    private async Task<string?> GrabRefusal(string workerId)
    {
        var home = topology.FindWorker(workerId)?.Home.Grid.Id;
        if (home is null || !topology.IsGridOrNeighbour(Case.Report!.GridId, home))
        {
            return $"Worker '{workerId}' is neither of grid '{Case.Report!.GridId}' nor of a neighbouring grid.";
        }
        return (await Worker(workerId).GetStatus()).OnDuty ? null : $"Worker '{workerId}' is off duty.";
    }

    private async Task RouteAutomatically()
    {
        var decision = await GrainFactory.GetGrain<IGridGrain>(Case.Report!.GridId).Route(Case.Report.Category);
        switch (decision.Kind)
        {
            case RouteKind.Worker:
                Case.Assignee = new Party(PartyKinds.Worker, decision.AssigneeId!);
                Case.Status = EventStatus.Dispatched;
                Record(EventAction.Dispatch, Party.System, $"to the least-loaded on-duty worker {decision.AssigneeId}");
                break;
            case RouteKind.Department:
                Case.Assignee = new Party(PartyKinds.Department, decision.AssigneeId!);
                Case.Status = EventStatus.Dispatched;
                Record(EventAction.Dispatch, Party.System, $"to department {decision.AssigneeId}, which owns {Case.Report.Category}");
                break;
            case RouteKind.Grab:
                Case.Status = EventStatus.Grabbing;
                Case.GrabOpenedAt = time.GetUtcNow();
                Record(EventAction.Dispatch, Party.System, "open for grabbing by the grid's and neighbouring grids' workers");
                break;
        }
    }

    /// <summary>Durable first; then the read model, the workers concerned and the grab window follow the new state.</summary>
    private async Task Commit(string? previousWorker)
    {
        Case.Version++;
        await state.WriteStateAsync();
        await readModel.Project(EventSummary.From(View()));

        var id = this.GetPrimaryKeyString();
        var currentWorker = Case.Assignee is { Kind: PartyKinds.Worker } worker && !EventTransitions.ReleasesHandler(Case.Status)
            ? worker.Id
            : null;
        if (previousWorker is not null && previousWorker != currentWorker)
        {
            await Worker(previousWorker).ReleaseTask(id);
        }
        if (currentWorker is not null)
        {
            await Worker(currentWorker).AssignTask(id);
        }

        if (Case.Status == EventStatus.Grabbing)
        {
            ArmGrabWindow();
        }
        else
        {
            DisarmGrabWindow();
        }
        if (!EventTransitions.IsOpen(Case.Status))
        {
            // A finished case needs no memory: 400k of them must not stay resident.
            DeactivateOnIdle();
        }
    }

    private void ArmGrabWindow()
    {
        if (_grabWindow is not null)
        {
            return;
        }
        var closesIn = Case.GrabOpenedAt!.Value + _dispatch.GrabWindow - time.GetUtcNow();
        _grabWindow = this.RegisterGrainTimer(CloseGrabWindow, new GrainTimerCreationOptions
        {
            DueTime = closesIn > TimeSpan.Zero ? closesIn : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private void DisarmGrabWindow()
    {
        _grabWindow?.Dispose();
        _grabWindow = null;
    }

    /// <summary>Nobody grabbed the case in time: the village assigns it, or leaves it to its operators.</summary>
    private async Task CloseGrabWindow(CancellationToken cancellationToken)
    {
        DisarmGrabWindow();
        if (Case.Status != EventStatus.Grabbing)
        {
            return;
        }
        var fallback = await GrainFactory.GetGrain<IVillageGrain>(Case.Report!.VillageId).FindFallbackWorker();
        Case.Status = EventStatus.Accepted;
        Record(EventAction.GrabExpired, Party.System, fallback is null
            ? "no taker in the grab window and nobody free in the village: waiting for the village command centre"
            : "no taker in the grab window: assigned by the village");
        if (fallback is not null)
        {
            Case.Assignee = new Party(PartyKinds.Worker, fallback);
            Case.Status = EventStatus.Dispatched;
            Record(EventAction.Dispatch, Party.System, $"to {fallback}, the least-loaded on-duty worker of the village");
        }
        await Commit(previousWorker: null);
    }

    private ActionOutcome Refuse(string reason) => new(ActionResult.Conflict, View(), reason);

    private IWorkerGrain Worker(string id) => GrainFactory.GetGrain<IWorkerGrain>(id);

    private void Record(EventAction action, Party actor, string? note) =>
        Case.History.Add(new HistoryEntry(time.GetUtcNow(), action, actor.ToString(), note));

    private EventView View() => new(
        this.GetPrimaryKeyString(),
        Case.Report!,
        Case.Status,
        Case.Assignee,
        Case.EscalationLevel,
        Case.Overdue,
        Case.ReworkCount,
        Case.ExtensionCount,
        Case.SupervisionCount,
        [.. Case.Deadlines],
        [.. Case.History],
        Case.ReportedAt,
        Case.ClosedAt,
        Case.Version);
}
