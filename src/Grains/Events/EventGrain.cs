using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Live;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Sla;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridActors.Grains.Events;

/// <summary>
/// The case file and the single writer of its state. Each step is decided by <see cref="EventTransitions"/>,
/// its clocks kept by <see cref="CaseClock"/>; the state is written, then projected to the read model and told
/// to the workers it concerns — in that order, so nothing is acknowledged or shown before it is durable.
/// Reactivation re-projects and re-tells, which heals a crash between the write and what follows it.
/// </summary>
public sealed partial class EventGrain(
    [PersistentState(EventGrain.StateName, StorageNames.Events)] IPersistentState<EventState> state,
    CountyTopology topology,
    IEventReadModel readModel,
    ILiveFeed live,
    IOptions<DispatchOptions> dispatchOptions,
    SlaPolicy policy,
    PointsPolicy points,
    GridClock time,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    /// <summary>The name of the case's state in storage, which the read-model healer looks for.</summary>
    public const string StateName = "event";

    /// <summary>All extensions of one case together; beyond this a case is parked, not extended.</summary>
    public const double MaxExtensionHours = 720;

    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private readonly CaseClock _clock = new(policy);
    private IGrainTimer? _grabWindow;

    private static readonly TimeSpan FollowUpRetry = TimeSpan.FromSeconds(5);

    /// <summary>How many of the case's awards this activation has paid; a new activation pays them all again.</summary>
    private int _awardsSent;
    private IGrainTimer? _followUpRetry;

    private EventState Case => state.State;

    private bool Exists => state.RecordExists && Case.Report is not null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return;
        }
        await FollowTheWrite(awardsFrom: 0);
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

        var admission = await GrainFactory.GetGrain<IGridGrain>(draft.GridId).Admit(draft.Category, _dispatch.Auto);
        Case.Report = draft;
        Case.Mode = admission.Mode;
        Case.Priority = policy.EffectivePriority(draft.Category, draft.Priority, admission.Mode);
        Case.Status = EventStatus.Reported;
        Case.ReportedAt = time.GetUtcNow();
        Record(EventAction.Report, draft.Reporter, draft.Title);
        if (admission.Route is { } route)
        {
            Case.Status = EventStatus.Accepted;
            Record(EventAction.Accept, Party.System, "accepted automatically");
            Award(PointsFact.Accepted);
            ApplyRoute(route);
        }
        _clock.Start(Case, Case.ReportedAt);

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
        if (!EventTransitions.IsOpen(Case.Status))
        {
            // Reading a finished case — a detail page, the healer — must not keep it resident.
            DeactivateOnIdle();
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

        if (command.ExpectedVersion is { } expected && expected != Case.Version)
        {
            return Refuse("The case changed since it was checked; read it again and retry.");
        }
        var previous = Case.Status;
        var next = EventTransitions.Next(previous, command.Action, command.GrabMode, command.Passed);
        if (next is not { } status)
        {
            return Refuse($"A case that is {Names.Of(previous)} cannot take '{Names.Of(command.Action)}'.");
        }
        var previousWorker = Case.Assignee is { Kind: PartyKinds.Worker } worker ? worker.Id : null;
        if (await Apply(command, status) is { } refusal)
        {
            return Refuse(refusal);
        }

        Record(command.Action, command.Actor, command.Note);
        _clock.Follow(Case, command.Action, previous, time.GetUtcNow(), command.Hours);
        await Commit(previousWorker);
        return new ActionOutcome(ActionResult.Done, View());
    }

    /// <summary>A deadline of this case has come: set off what is due; a stale alarm only re-arms the current one.</summary>
    public async Task Alarm(long sequence)
    {
        if (!Exists)
        {
            return;
        }
        if (sequence != Case.AlarmSequence)
        {
            await Commit(previousWorker: null, forceArm: true);
            return;
        }
        foreach (var outcome in _clock.Ring(Case, time.GetUtcNow()))
        {
            Record(outcome.Action, Party.System, outcome.Note);
            // Only a late handling stage is the handler's fault; accepting, dispatching and verifying are the operators'.
            if (outcome.OverdueStage is { } stage && stage.StartsWith("handle:", StringComparison.Ordinal))
            {
                Award(PointsFact.StageOverdue, stage);
            }
        }
        await Commit(previousWorker: null, forceArm: true);
    }

    /// <summary>Changes the state for one allowed action; returns why not when the case's details forbid it.</summary>
    private async Task<string?> Apply(EventCommand command, EventStatus next)
    {
        switch (command.Action)
        {
            case EventAction.Accept:
                Award(PointsFact.Accepted);
                break;
            case EventAction.Dispatch when command.GrabMode:
                Case.Assignee = null;
                Case.Grabbed = false;
                Case.GrabOpenedAt = time.GetUtcNow();
                DisarmGrabWindow(); // a reopened window runs from now, not from the first opening
                break;
            case EventAction.Dispatch:
                Case.Grabbed = false;
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
                Case.Grabbed = true;
                break;
            case EventAction.Verify when command.Passed == false:
                Case.ReworkCount++;
                Award(PointsFact.VerificationFailed, Case.ReworkCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case EventAction.Verify:
                Case.ClosedAt = time.GetUtcNow();
                Award(PointsFact.Closed);
                break;
            case EventAction.Return or EventAction.Park or EventAction.Cancel:
                Case.Assignee = null;
                break;
            case EventAction.Extend when Case.ExtendedHours + command.Hours > MaxExtensionHours:
                return $"Extensions may add up to {MaxExtensionHours} hours to a case; {Case.ExtendedHours} are granted already.";
            case EventAction.Extend:
                Case.ExtensionCount++;
                Case.ExtendedHours += command.Hours ?? 0;
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

    /// <summary>Routine: the case's grid and its neighbours. Emergency: any on-duty worker of the township.</summary>
    private async Task<string?> GrabRefusal(string workerId)
    {
        var home = topology.FindWorker(workerId)?.Home;
        var report = Case.Report!;
        var eligible = home is not null && (Case.Mode == OperatingMode.Emergency
            ? home.Township.Id == report.TownshipId
            : topology.IsGridOrNeighbour(report.GridId, home.Grid.Id));
        if (!eligible)
        {
            return Case.Mode == OperatingMode.Emergency
                ? $"Worker '{workerId}' is not of township '{report.TownshipId}'."
                : $"Worker '{workerId}' is neither of grid '{report.GridId}' nor of a neighbouring grid.";
        }
        return (await Worker(workerId).GetStatus()).OnDuty ? null : $"Worker '{workerId}' is off duty.";
    }

    private void ApplyRoute(RouteDecision decision)
    {
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
                Record(EventAction.Dispatch, Party.System, $"to department {decision.AssigneeId}, which owns {Case.Report!.Category}");
                break;
            case RouteKind.Grab:
                Case.Status = EventStatus.Grabbing;
                Case.GrabOpenedAt = time.GetUtcNow();
                Record(EventAction.Dispatch, Party.System, Case.Mode == OperatingMode.Emergency
                    ? "emergency mode: open for grabbing by every on-duty worker of the township"
                    : "open for grabbing by the grid's and neighbouring grids' workers");
                break;
        }
    }

    /// <summary>
    /// The shard first, then storage: a crash between them leaves the shard with an alarm the case no longer
    /// expects, which it answers by arming what it does expect. Once the state is written the action stands;
    /// what follows it — the read model, the workers' task lists, the ledgers — is retried on a timer if it
    /// fails, rather than failing an acknowledged action.
    /// </summary>
    private async Task Commit(string? previousWorker, bool forceArm = false)
    {
        await ArmDeadline(forceArm);
        if (previousWorker is not null && previousWorker != CurrentWorker())
        {
            Case.PendingRelease = previousWorker;
        }
        Case.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The step was applied in memory but not stored, so it was not acknowledged: this activation no
            // longer matches storage. The next call gets a fresh one that reads what is stored, so a retry
            // with the same Idempotency-Key finds the case as it was.
            DeactivateOnIdle();
            throw;
        }

        if (Case.Status == EventStatus.Grabbing)
        {
            ArmGrabWindow();
        }
        else
        {
            DisarmGrabWindow();
        }
        try
        {
            await FollowTheWrite(awardsFrom: _awardsSent);
        }
        catch (Exception failure)
        {
            LogFollowUpFailed(failure, this.GetPrimaryKeyString());
            _followUpRetry ??= this.RegisterGrainTimer(RetryFollowUp, new GrainTimerCreationOptions
            {
                DueTime = FollowUpRetry,
                Period = FollowUpRetry,
                KeepAlive = true,
            });
            return;
        }
        if (!EventTransitions.IsOpen(Case.Status))
        {
            // A finished case needs no memory: 400k of them must not stay resident.
            DeactivateOnIdle();
        }
    }

    /// <summary>Everything that follows a write; each step is idempotent, so repeating all of them is safe.</summary>
    private async Task FollowTheWrite(int awardsFrom)
    {
        if (Case.PendingAlarms.Count == 0 && Case.ArmedFor is not null)
        {
            await Shard().Disarm(Target());
            Case.ArmedFor = null;
        }
        var id = this.GetPrimaryKeyString();
        if (Case.PendingRelease is { } released && released != CurrentWorker())
        {
            await Worker(released).ReleaseTask(id);
        }
        if (CurrentWorker() is { } current)
        {
            await Worker(current).AssignTask(id);
        }
        await PayAwards(awardsFrom);

        // Last, so that a projection at the state's version says everything before it was done: the healer
        // re-activates exactly the cases whose projection is behind their state.
        var summary = EventSummary.From(View());
        await readModel.Project(summary);
        live.Publish(summary);
    }

    private async Task RetryFollowUp(CancellationToken cancellationToken)
    {
        await FollowTheWrite(awardsFrom: 0);
        _followUpRetry?.Dispose();
        _followUpRetry = null;
        if (!EventTransitions.IsOpen(Case.Status))
        {
            DeactivateOnIdle();
        }
    }

    private string? CurrentWorker() =>
        Case.Assignee is { Kind: PartyKinds.Worker } worker && !EventTransitions.ReleasesHandler(Case.Status) ? worker.Id : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {EventId} is saved but what follows its write failed; retrying")]
    private partial void LogFollowUpFailed(Exception exception, string eventId);

    /// <summary>Owes the points the rules give for a verified fact of this case; paid after the next write.</summary>
    private void Award(PointsFact fact, string occurrence = "")
    {
        var report = Case.Report!;
        var onTime = fact == PointsFact.Closed && !Case.Overdue && Case.ClosedAt <= Case.Whole?.DueAt;
        Case.Awards.AddRange(points.AwardsFor(new CaseFacts(
            fact, this.GetPrimaryKeyString(), report.GridId, report.Reporter, Case.Assignee, Case.Grabbed, onTime, occurrence)));
    }

    /// <summary>Pays the awards from index <paramref name="from"/> on; the ledgers ignore keys they have paid.</summary>
    private async Task PayAwards(int from)
    {
        for (var i = from; i < Case.Awards.Count; i++)
        {
            var award = Case.Awards[i];
            await GrainFactory.GetGrain<ILedgerGrain>(award.ParticipantId).Credit(award);
        }
        _awardsSent = Case.Awards.Count;
    }

    /// <summary>Arms the grid's deadline shard for the next alarm when it changed (or when asked to).</summary>
    private async Task ArmDeadline(bool force)
    {
        // Not Exists: a new case arms its shard before its first write, when storage knows nothing of it yet.
        if (Case.Report is null || Case.PendingAlarms.Count == 0)
        {
            return;
        }
        var next = Case.PendingAlarms[0].At;
        if (!force && Case.ArmedFor == next)
        {
            return;
        }
        Case.AlarmSequence++;
        Case.ArmedFor = next;
        await Shard().Arm(new ArmedDeadline(Target(), next, Case.AlarmSequence));
    }

    private IDeadlineGrain Shard() => GrainFactory.GetGrain<IDeadlineGrain>(Case.Report!.GridId);

    private AlarmTarget Target() => new(AlarmTarget.Event, this.GetPrimaryKeyString());

    private void ArmGrabWindow()
    {
        if (_grabWindow is not null)
        {
            return;
        }
        var closesIn = Case.GrabOpenedAt!.Value + _dispatch.GrabWindow - time.GetUtcNow();
        _grabWindow = this.RegisterGrainTimer(CloseGrabWindow, new GrainTimerCreationOptions
        {
            DueTime = time.RealDelay(closesIn),
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
        if (Case.GrabOpenedAt!.Value + _dispatch.GrabWindow > time.GetUtcNow())
        {
            // The clock slowed down (or the wait was capped): the window is not over on the county's clock yet.
            ArmGrabWindow();
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
        _clock.Follow(Case, EventAction.GrabExpired, EventStatus.Grabbing, time.GetUtcNow());
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
        CaseClock.Deadlines(Case),
        [.. Case.History],
        Case.ReportedAt,
        Case.ClosedAt,
        Case.Version,
        Case.Mode,
        Case.Priority,
        Case.Whole?.DueAt);
}
