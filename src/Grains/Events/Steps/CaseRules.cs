using GridActors.Grains.Configuration;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Points;
using GridActors.Grains.Sla;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Grains.Events.Steps;

/// <summary>
/// Decides every step of a case on a copy of it: a report, an action, an alarm, the end of a grab window. Pure —
/// it reads the case it is given and changes only the copy — so the grain commits what it returns and only then
/// makes it its state. What it needs from other grains (a grid's admission, whether a grabber is on duty, the
/// village's fallback worker) the grain asks first and passes in.
/// </summary>
public sealed class CaseRules(SlaPolicy policy, PointsPolicy points, CountyTopology topology, IOptions<DispatchOptions> dispatch)
{
    /// <summary>All extensions of one case together; beyond this a case is parked, not extended.</summary>
    public const double MaxExtensionHours = 720;

    private readonly CaseClock _clock = new(policy);

    public DispatchOptions Dispatch { get; } = dispatch.Value;

    public CaseStep Report(string id, ReportDraft draft, Admission admission, DateTimeOffset now)
    {
        var next = new EventState
        {
            Report = draft,
            Mode = admission.Mode,
            Priority = policy.EffectivePriority(draft.Category, draft.Priority, admission.Mode),
            Status = EventStatus.Reported,
            ReportedAt = now,
            Alarms = draft.Alarm is { } origin ? AlarmTally.Of(origin) : null,
        };
        var step = new StepDraft(id, current: null, next, now, points);
        step.Record(EventAction.Report, draft.Reporter, draft.Title);
        if (admission.Route is { } route)
        {
            next.Status = EventStatus.Accepted;
            step.Record(EventAction.Accept, Party.System, "accepted automatically");
            step.Award(PointsFact.Accepted);
            ApplyRoute(step, route);
        }
        _clock.Start(next, now);
        return draft.Alarm is { } opening
            ? step.Seal() with { Alarms = [AlarmReceipt.For(opening.DeviceId, opening.Alarm, id, opened: true)] }
            : step.Seal();
    }

    /// <summary>
    /// Counts further alarms of the case's device and kind into it; the case no longer takes them once it has
    /// finished or become a duplicate (or is no alarm case), so that the device opens a new one. Alarms it counted
    /// already are not counted again: the step may be a retry of one whose answer was lost. The step changes nothing
    /// but the tally and the history's fold entry, which a run of folds rewrites (<see cref="EventAction.Fold"/>).
    /// </summary>
    public FoldDecision Fold(string id, EventState current, EventState next, IReadOnlyList<AlarmDraft> alarms, DateTimeOffset now)
    {
        if (!EventTransitions.IsWorking(current.Status) || current.Alarms is not { } tally)
        {
            return FoldDecision.Finished;
        }
        var uncounted = alarms.DistinctBy(a => a.AlarmId).Where(a => !tally.Counted(a)).ToList();
        if (uncounted.Count == 0)
        {
            return FoldDecision.AlreadyCounted;
        }
        alarms = uncounted;
        next.Alarms = tally.With(alarms);
        var note = $"{next.Alarms.Count - 1} further alarms folded in, the latest raised at {next.Alarms.LastAt:u}";
        var entry = new HistoryEntry(now, EventAction.Fold, new Party("camera", tally.DeviceId).ToString(), note);
        if (next.History.Count > 0 && next.History[^1].Action == EventAction.Fold)
        {
            next.History[^1] = entry;
        }
        else
        {
            next.History.Add(entry);
        }
        var step = new StepDraft(id, current, next, now, points).Seal();
        return new FoldDecision(step with
        {
            Alarms = [.. alarms.Select(a => AlarmReceipt.For(tally.DeviceId, a, id, opened: false))],
            Quiet = true,
        }, Takes: true);
    }

    /// <summary>
    /// An action on <paramref name="current"/>, decided on its copy <paramref name="next"/>: a repeated request key
    /// answers its first outcome; then the caller's rights, the version asked for, the transition and the case's
    /// details. <paramref name="grabberOnDuty"/> says, for a grab, whether the grabbing worker is on duty.
    /// </summary>
    public CaseDecision Act(
        string id, EventState current, EventState next, EventCommand command, bool? grabberOnDuty, DateTimeOffset now, EventView? mergeTarget = null)
    {
        if (command.RequestKey is { } key && current.Receipts.Find(r => r.Key == key) is { } receipt)
        {
            return receipt.Fingerprint == command.Fingerprint
                ? CaseDecision.Replay(new ActionOutcome(ActionResult.Done, CaseViews.View(id, current, withHistory: false), Replayed: true))
                : CaseDecision.Refuse(ActionResult.KeyReused, "This Idempotency-Key was used for another action or body; nothing was changed.");
        }
        if (!CaseAccess.CanAct(topology, command.Actor, command, current))
        {
            return CaseDecision.Refuse(ActionResult.Forbidden, $"You may not {Names.Of(command.Action)} event '{id}'.");
        }
        if (command.ExpectedVersion is { } expected && expected != current.Version)
        {
            return CaseDecision.Refuse(ActionResult.PreconditionFailed,
                $"The case is at version {current.Version}, not {expected}; read it again and retry.");
        }
        if (EventTransitions.Next(current.Status, command.Action, command.GrabMode, command.Passed) is not { } status)
        {
            return CaseDecision.Refuse(ActionResult.Conflict,
                $"A case that is {Names.Of(current.Status)} cannot take '{Names.Of(command.Action)}'.");
        }

        var step = new StepDraft(id, current, next, now, points);
        if (command.Action == EventAction.Merge && MergeRefusal(id, current, command, mergeTarget) is { } notMerged)
        {
            return notMerged;
        }
        if (Apply(step, command, status, grabberOnDuty) is { } refusal)
        {
            return CaseDecision.Refuse(ActionResult.Conflict, refusal);
        }
        step.Record(command.Action, command.Actor, command.Note ?? (command.Action == EventAction.Merge ? $"a duplicate of {command.Into}" : null));
        if (command.Action == EventAction.Unmerge)
        {
            // Split from its case, the report starts over: its own clocks from now, waiting to be accepted.
            _clock.Start(next, now);
        }
        else
        {
            _clock.Follow(next, command.Action, current.Status, now, command.Hours);
        }
        var sealedStep = step.Seal();
        if (command.RequestKey is { } newKey)
        {
            next.Receipts.Add(new ActionReceipt(newKey, command.Fingerprint ?? "", next.Version));
            if (next.Receipts.Count > ActionReceipt.Kept)
            {
                next.Receipts.RemoveRange(0, next.Receipts.Count - ActionReceipt.Kept);
            }
        }
        return CaseDecision.Commit(sealedStep);
    }

    /// <summary>Sets off the alarms that have come; null when none has (the wake was early), so nothing is written.</summary>
    public CaseStep? Ring(string id, EventState current, EventState next, DateTimeOffset now)
    {
        if (next.PendingAlarms.Count == 0 || next.PendingAlarms[0].At > now)
        {
            return null;
        }
        var step = new StepDraft(id, current, next, now, points);
        foreach (var outcome in _clock.Ring(next, now))
        {
            step.Record(outcome.Action, Party.System, outcome.Note);
            // Only a late handling stage is the handler's fault; accepting, dispatching and verifying are the operators'.
            if (outcome.OverdueStage is { } stage && stage.StartsWith("handle:", StringComparison.Ordinal))
            {
                step.Award(PointsFact.StageOverdue, stage);
            }
        }
        return step.Seal();
    }

    /// <summary>
    /// Nobody grabbed the case in time: the village's <paramref name="fallback"/> worker takes it, or it waits
    /// for the village's operators. Null when the window is not over on the county's clock yet.
    /// </summary>
    public CaseStep? CloseGrabWindow(string id, EventState current, EventState next, string? fallback, DateTimeOffset now)
    {
        if (current.Status != EventStatus.Grabbing || current.GrabOpenedAt!.Value + Dispatch.GrabWindow > now)
        {
            return null;
        }
        var step = new StepDraft(id, current, next, now, points);
        next.Status = EventStatus.Accepted;
        step.Record(EventAction.GrabExpired, Party.System, fallback is null
            ? "no taker in the grab window and nobody free in the village: waiting for the village command centre"
            : "no taker in the grab window: assigned by the village");
        if (fallback is not null)
        {
            next.Assignee = new Party(PartyKinds.Worker, fallback);
            next.Status = EventStatus.Dispatched;
            step.Record(EventAction.Dispatch, Party.System, $"to {fallback}, the least-loaded on-duty worker of the village");
        }
        _clock.Follow(next, EventAction.GrabExpired, EventStatus.Grabbing, now);
        return step.Seal();
    }

    /// <summary>Changes the copy for one allowed action; returns why not when the case's details forbid it.</summary>
    private string? Apply(StepDraft step, EventCommand command, EventStatus status, bool? grabberOnDuty)
    {
        var next = step.Next;
        switch (command.Action)
        {
            case EventAction.Accept:
                step.Award(PointsFact.Accepted);
                break;
            case EventAction.Dispatch when command.GrabMode:
                next.Assignee = null;
                next.Grabbed = false;
                next.GrabOpenedAt = step.Now; // a reopened window runs from now, not from the first opening
                break;
            case EventAction.Dispatch when command.VolunteerId is { } volunteerId:
                if (VolunteerTasks.Refusal(topology, Dispatch, next, volunteerId) is { } notForVolunteer)
                {
                    return notForVolunteer;
                }
                next.Grabbed = false;
                next.Assignee = new Party(PartyKinds.Volunteer, volunteerId);
                break;
            case EventAction.Dispatch:
                next.Grabbed = false;
                next.Assignee = command.WorkerId is { } workerId
                    ? new Party(PartyKinds.Worker, workerId)
                    : new Party(PartyKinds.Department, command.DepartmentId!);
                break;
            case EventAction.Grab when command.VolunteerId is { } grabbingVolunteer:
                if (VolunteerTasks.Refusal(topology, Dispatch, next, grabbingVolunteer) is { } notToGrab)
                {
                    return notToGrab;
                }
                next.Assignee = new Party(PartyKinds.Volunteer, grabbingVolunteer);
                next.Grabbed = true;
                break;
            case EventAction.Grab:
                if (GrabRefusal(next, command.WorkerId!, grabberOnDuty) is { } reason)
                {
                    return reason;
                }
                next.Assignee = new Party(PartyKinds.Worker, command.WorkerId!);
                next.Grabbed = true;
                break;
            case EventAction.Verify when command.Passed == false:
                next.ReworkCount++;
                step.Award(PointsFact.VerificationFailed, next.ReworkCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case EventAction.Verify:
                next.ClosedAt = step.Now;
                step.Award(PointsFact.Closed);
                break;
            case EventAction.Return or EventAction.Park or EventAction.Cancel:
                next.Assignee = null;
                break;
            case EventAction.Extend when next.ExtendedHours + command.Hours > MaxExtensionHours:
                return $"Extensions may add up to {MaxExtensionHours} hours to a case; {next.ExtendedHours} are granted already.";
            case EventAction.Extend:
                next.ExtensionCount++;
                next.ExtendedHours += command.Hours ?? 0;
                break;
            case EventAction.Escalate when next.EscalationLevel >= EscalationLevels.City:
                return "The case is already escalated to the city, the highest level.";
            case EventAction.Escalate:
                next.EscalationLevel++;
                break;
            case EventAction.Supervise:
                next.SupervisionCount++;
                break;
            case EventAction.Merge:
                next.DuplicateOf = command.Into;
                next.Assignee = null;
                next.Grabbed = false;
                break;
            case EventAction.Unmerge:
                next.DuplicateOf = null;
                break;
        }
        next.Status = status;
        return null;
    }

    /// <summary>
    /// A case merges into another open case on its own workflow, in the operator's area too — not into itself, a
    /// duplicate or a finished case (409), nor into one the operator may not see (403).
    /// </summary>
    private static CaseDecision? MergeRefusal(string id, EventState current, EventCommand command, EventView? target)
    {
        if (command.Into == id)
        {
            return CaseDecision.Refuse(ActionResult.Conflict, "A case cannot be merged into itself.");
        }
        if (target is null || target.Report.Drill != current.Report!.Drill)
        {
            // A drill's case and the county's never meet: a drill's cleanup would leave the other waiting for good.
            return CaseDecision.Refuse(ActionResult.Conflict, $"There is no case '{command.Into}' to merge into.");
        }
        var covered = command.Actor.Kind switch
        {
            PartyKinds.City => true,
            PartyKinds.Township => target.Report.TownshipId == command.Actor.Id,
            _ => target.Report.VillageId == command.Actor.Id,
        };
        if (!covered)
        {
            return CaseDecision.Refuse(ActionResult.Forbidden, $"Case '{command.Into}' is outside your scope.");
        }
        return EventTransitions.IsWorking(target.Status)
            ? null
            : CaseDecision.Refuse(ActionResult.Conflict, $"Case '{command.Into}' is {Names.Of(target.Status)}; a case merges only into an open case on its own workflow.");
    }

    /// <summary>
    /// A new report that is the same problem as the open case <paramref name="original"/>: it joins that case as a
    /// duplicate, with no clock, routing or points of its own, and finishes when that case does.
    /// </summary>
    public CaseStep ReportDuplicate(string id, ReportDraft draft, Nearby.NearbyCase original, OperatingMode mode, DateTimeOffset now)
    {
        var next = new EventState
        {
            Report = draft,
            Mode = mode,
            Priority = policy.EffectivePriority(draft.Category, draft.Priority, mode),
            Status = EventStatus.Merged,
            ReportedAt = now,
            DuplicateOf = original.Spot.CaseId,
        };
        var step = new StepDraft(id, current: null, next, now, points);
        step.Record(EventAction.Report, draft.Reporter, draft.Title);
        step.Record(EventAction.Merge, Party.System,
            $"the same problem as {original.Spot.CaseId} ({original.DistanceMeters:F0} m away, reported {original.Spot.ReportedAt:u}): joined it");
        return step.Seal();
    }

    /// <summary>
    /// Counts a duplicate that joined; null when it is counted already. Two cases merged into each other at the same
    /// moment would wait on each other for good: each, hearing that the case it waits on joined it, takes itself back
    /// out, so both stand on their own again (reported, fresh clocks) for an operator to merge once more.
    /// </summary>
    public CaseStep? JoinDuplicate(string id, EventState current, EventState next, string duplicateId, DateTimeOffset now)
    {
        if (current.Duplicates.Contains(duplicateId))
        {
            return null;
        }
        next.Duplicates.Add(duplicateId);
        var step = new StepDraft(id, current, next, now, points);
        step.Record(EventAction.DuplicateJoined, Party.System, $"{duplicateId} joined as a duplicate");
        if (current is { Status: EventStatus.Merged } && current.DuplicateOf == duplicateId)
        {
            next.Status = EventStatus.Reported;
            next.DuplicateOf = null;
            step.Record(EventAction.Unmerge, Party.System, $"{duplicateId} was merged into this case as this case was into it: this one stands on its own again");
            _clock.Start(next, now);
        }
        return step.Seal();
    }

    /// <summary>Lets go of a duplicate that was unmerged; null when it is not one of this case's.</summary>
    public CaseStep? LeaveDuplicate(string id, EventState current, EventState next, string duplicateId, DateTimeOffset now)
    {
        if (!next.Duplicates.Remove(duplicateId))
        {
            return null;
        }
        var step = new StepDraft(id, current, next, now, points);
        step.Record(EventAction.DuplicateLeft, Party.System, $"{duplicateId} was unmerged");
        return step.Seal();
    }

    /// <summary>
    /// The case this duplicate waits on finished: the duplicate is closed (or cancelled) with it, which is how its
    /// reporter learns. Null when the notice is stale — the duplicate was unmerged, or has heard it already.
    /// </summary>
    public CaseStep? OriginalFinished(string id, EventState current, EventState next, string originalId, EventStatus finished, DateTimeOffset now)
    {
        if (current.Status != EventStatus.Merged || current.DuplicateOf != originalId)
        {
            return null;
        }
        var closed = finished == EventStatus.Closed;
        next.Status = closed ? EventStatus.Closed : EventStatus.Cancelled;
        next.ClosedAt = closed ? now : null;
        var step = new StepDraft(id, current, next, now, points);
        step.Record(EventAction.OriginalFinished, Party.System, closed
            ? $"{originalId} was closed: the problem this report named is resolved"
            : $"{originalId} was cancelled, and this duplicate with it");
        _clock.Follow(next, EventAction.OriginalFinished, EventStatus.Merged, now);
        return step.Seal();
    }

    /// <summary>Routine: the case's grid and its neighbours. Emergency: any on-duty worker of the township.</summary>
    private string? GrabRefusal(EventState state, string workerId, bool? onDuty)
    {
        var home = topology.FindWorker(workerId)?.Home;
        var report = state.Report!;
        var eligible = home is not null && (state.Mode == OperatingMode.Emergency
            ? home.Township.Id == report.TownshipId
            : topology.IsGridOrNeighbour(report.GridId, home.Grid.Id));
        if (!eligible)
        {
            return state.Mode == OperatingMode.Emergency
                ? $"Worker '{workerId}' is not of township '{report.TownshipId}'."
                : $"Worker '{workerId}' is neither of grid '{report.GridId}' nor of a neighbouring grid.";
        }
        return onDuty == true ? null : $"Worker '{workerId}' is off duty.";
    }

    private static void ApplyRoute(StepDraft step, RouteDecision decision)
    {
        var next = step.Next;
        switch (decision.Kind)
        {
            case RouteKind.Worker:
                next.Assignee = new Party(PartyKinds.Worker, decision.AssigneeId!);
                next.Status = EventStatus.Dispatched;
                step.Record(EventAction.Dispatch, Party.System, $"to the least-loaded on-duty worker {decision.AssigneeId}");
                break;
            case RouteKind.Department:
                next.Assignee = new Party(PartyKinds.Department, decision.AssigneeId!);
                next.Status = EventStatus.Dispatched;
                step.Record(EventAction.Dispatch, Party.System, $"to department {decision.AssigneeId}, which owns {next.Report!.Category}");
                break;
            case RouteKind.Grab:
                next.Status = EventStatus.Grabbing;
                next.GrabOpenedAt = step.Now;
                step.Record(EventAction.Dispatch, Party.System, next.Mode == OperatingMode.Emergency
                    ? "emergency mode: open for grabbing by every on-duty worker of the township"
                    : "open for grabbing by the grid's and neighbouring grids' workers");
                break;
        }
    }
}
