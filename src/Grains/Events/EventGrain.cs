using GridActors.Grains.Audit;
using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using GridActors.Grains.Events.Steps;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Live;
using GridActors.Grains.Nearby;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace GridActors.Grains.Events;

/// <summary>
/// The case file and the single writer of its state. Each step is decided by <see cref="CaseRules"/> on a copy of
/// the case, committed with its read-model row, deadline entry and outbox in one store commit, and only then
/// becomes the grain's state: a failed commit leaves the grain as storage has it. The caller is answered then;
/// what the step owes other grains is delivered from the outbox after it (<see cref="CaseDelivery"/>), and again
/// after a crash.
/// </summary>
public sealed partial class EventGrain(
    ICaseStore store,
    DeepCopier<EventState> copier,
    CaseRules rules,
    NearbyCases nearby,
    IOptions<DuplicatesOptions> duplicates,
    ILiveFeed live,
    GridClock time,
    IOptions<AuditOptions> audit,
    ILogger<EventGrain> logger) : Grain, IEventGrain
{
    /// <summary>The case as storage has it; null when nothing was reported under this id.</summary>
    private EventState? _case;
    private CaseDelivery _delivery = null!;
    private IGrainTimer? _grabWindow;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _delivery = new CaseDelivery(Id, store, GrainFactory, this, DeactivateIfFinished, logger);
        if (await store.Load(Id) is not { } stored)
        {
            return;
        }
        _case = stored.State;
        _delivery.Resume(stored.Undelivered);
        if (EventTransitions.IsOpen(_case.Status))
        {
            // The shard may have missed the notice of the last step (it was on a silo that died): tell it again
            // what the state says is pending. A closed case has nothing pending and costs no call.
            if (_case.ArmedFor is not null)
            {
                _delivery.Enqueue(new CaseOutbox(_case.Version, [Track(_case)]), durable: false);
            }
            if (_case.Status == EventStatus.Grabbing)
            {
                ArmGrabWindow();
            }
        }
        // Not awaited: what other grains are owed must never hold up, or fail, reading the case.
        _delivery.Start();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _delivery.Stop();
        return Task.CompletedTask;
    }

    public async Task<ReportOutcome> Report(ReportDraft draft, AuditActor? by = null)
    {
        if (_case is not null)
        {
            return _case.Report == draft
                ? new ReportOutcome(ReportResult.Duplicate, CaseViews.View(Id, _case))
                : new ReportOutcome(ReportResult.Conflict, null);
        }
        var grid = GrainFactory.GetGrain<IGridGrain>(draft.GridId);
        if (await OriginalOf(draft) is { } original)
        {
            // Admitted without routing: a duplicate takes no handler, but it runs in its grid's mode should it be unmerged.
            var mode = (await grid.Admit(Id, draft.Category, route: false, draft.IsDrill)).Mode;
            await Commit(rules.ReportDuplicate(Id, draft, original, mode, time.GetUtcNow()), by);
            return new ReportOutcome(ReportResult.Created, CaseViews.View(Id, _case!));
        }
        var admission = await grid.Admit(Id, draft.Category, rules.Dispatch.Auto, draft.IsDrill);
        await Commit(rules.Report(Id, draft, admission, time.GetUtcNow()), by);
        return new ReportOutcome(ReportResult.Created, CaseViews.View(Id, _case!));
    }

    /// <summary>
    /// The open case a new located report is the same problem as: of its category, within the radius, reported in the
    /// window; the nearest, then the earliest. A drill's report, a device's alarm and a simulated script's report
    /// (<see cref="ReportDraft.KnownDistinct"/>) are never duplicates here.
    /// </summary>
    private async Task<NearbyCase?> OriginalOf(ReportDraft draft)
    {
        var options = duplicates.Value;
        if (!options.Enabled || draft is not { Location: { } point, IsDrill: false, Alarm: null, KnownDistinct: false })
        {
            return null;
        }
        var since = time.GetUtcNow() - options.Window;
        var near = await nearby.Around(point, options.RadiusMeters, draft.Category);
        return near.FirstOrDefault(c => c.Spot.CaseId != Id && c.Spot.ReportedAt >= since);
    }

    public async Task JoinDuplicate(string duplicateId)
    {
        if (_case is not null && rules.JoinDuplicate(Id, _case, copier.Copy(_case), duplicateId, time.GetUtcNow()) is { } step)
        {
            await Commit(step);
        }
    }

    public async Task LeaveDuplicate(string duplicateId)
    {
        if (_case is not null && rules.LeaveDuplicate(Id, _case, copier.Copy(_case), duplicateId, time.GetUtcNow()) is { } step)
        {
            await Commit(step);
        }
    }

    public async Task OriginalFinished(string originalId, EventStatus status)
    {
        if (_case is not null && rules.OriginalFinished(Id, _case, copier.Copy(_case), originalId, status, time.GetUtcNow()) is { } step)
        {
            await Commit(step);
        }
    }

    public async Task<FoldResult> Fold(IReadOnlyList<AlarmDraft> alarms, AuditActor by)
    {
        if (_case is null)
        {
            DeactivateOnIdle();
            return FoldResult.Missing;
        }
        var decision = rules.Fold(Id, _case, copier.Copy(_case), alarms, time.GetUtcNow());
        if (!decision.Takes)
        {
            DeactivateIfFinished();
            return FoldResult.Finished;
        }
        if (decision.Step is { } step)
        {
            await Commit(step, by);
        }
        return FoldResult.Folded;
    }

    public Task<EventView?> GetView()
    {
        // Reading a finished case — a detail page — must not keep it resident.
        DeactivateIfFinished();
        return Task.FromResult(_case is null ? null : CaseViews.View(Id, _case));
    }

    public async Task<ActionOutcome> Act(EventCommand command)
    {
        if (_case is null)
        {
            DeactivateOnIdle();
            return new ActionOutcome(ActionResult.NotFound, null, "No case has this id.");
        }
        bool? grabberOnDuty = command is { Action: EventAction.Grab, WorkerId: { } grabber } && _case.Status == EventStatus.Grabbing
            ? (await GrainFactory.GetGrain<IWorkerGrain>(grabber).GetStatus()).OnDuty
            : null;
        var mergeTarget = command is { Action: EventAction.Merge, Into: { } into } && into != Id
            ? await GrainFactory.GetGrain<IEventGrain>(into).GetView()
            : null;
        var decision = rules.Act(Id, _case, copier.Copy(_case), command, grabberOnDuty, time.GetUtcNow(), mergeTarget);
        if (decision.Step is not { } step)
        {
            return decision.Answer! with { Event = decision.Answer.Event ?? CaseViews.View(Id, _case, withHistory: false) };
        }
        await Commit(step, command.By);
        return new ActionOutcome(ActionResult.Done, CaseViews.View(Id, _case!, withHistory: false));
    }

    public Task Alarm(long sequence) => HandleWake(sequence, shard: null);

    public Task Wake(long sequence, string shard) => HandleWake(sequence, shard);

    /// <summary>
    /// A deadline has come. An alarm of an older schedule, or one that arrives before anything is due (the shard's
    /// silo reads the county clock a moment ahead), writes nothing: the shard is told again what the case expects.
    /// </summary>
    private async Task HandleWake(long sequence, string? shard)
    {
        if (_case is null)
        {
            if (shard is not null)
            {
                await GrainFactory.GetGrain<IDeadlineGrain>(shard).Forget(Target());
            }
            DeactivateOnIdle();
            return;
        }
        if (sequence == _case.AlarmSequence && rules.Ring(Id, _case, copier.Copy(_case), time.GetUtcNow()) is { } step)
        {
            await Commit(step);
            return;
        }
        var notice = Track(_case);
        await GrainFactory.GetGrain<IDeadlineGrain>(notice.Shard).Track(notice.Target, notice.Sequence, notice.Deadline);
    }

    public Task DeliverPending() => _delivery.DeliverOrRetry();

    /// <summary>
    /// Takes back what the case holds others to before it goes — workers' tasks, the shard's entry — so that a
    /// failure part way leaves a case that still exists and can be erased again, never a task nobody will release.
    /// Delivery stops first: an assignment still owed must not land after the release.
    /// </summary>
    public async Task<bool> Erase(string drill)
    {
        if (_case is null || _case.Report!.Drill != drill)
        {
            DeactivateIfFinished();
            return false;
        }
        DisarmGrabWindow();
        try
        {
            var undelivered = await _delivery.Abandon();
            await Task.WhenAll(CaseErasure.WorkersToRelease(_case, undelivered)
                .Select(worker => GrainFactory.GetGrain<IWorkerGrain>(worker).ReleaseTask(Id)));
            await GrainFactory.GetGrain<IDeadlineGrain>(_case.Report.GridId).Forget(Target());
            await store.Erase(Id);
            _case = null;
        }
        finally
        {
            // Erased or not, this activation has stopped delivering; the next call reads what storage has.
            DeactivateOnIdle();
        }
        return true;
    }

    /// <summary>
    /// Commits the step, then makes it the state, then tells others. A failed or refused commit changes nothing
    /// here; the activation is dropped all the same, because a commit whose answer was lost may have landed, and
    /// the next call should read what storage has. <paramref name="by"/> is who took the step, for the audit entry
    /// committed with it (the system when nobody did).
    /// </summary>
    private async Task Commit(CaseStep step, AuditActor? by = null)
    {
        bool committed;
        try
        {
            var entry = CaseAudit.Of(Id, _case, step.Next, by, time.GetUtcNow(), audit.Value.IncludeDrills);
            committed = await store.Commit(new CaseCommit(Id, _case?.Version ?? 0, step.Next, step.Row, step.Deadline, step.Outbox, entry, step.Alarms));
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        if (!committed)
        {
            DeactivateOnIdle();
            throw new InconsistentStateException($"Case {Id} was written by another activation; read it again.");
        }

        _case = step.Next;
        if (!step.Quiet)
        {
            live.Publish(step.Row);
        }
        if (_case.Status == EventStatus.Grabbing)
        {
            ArmGrabWindow();
        }
        else
        {
            DisarmGrabWindow();
        }
        if (step.Outbox is { } outbox)
        {
            _delivery.Enqueue(outbox, durable: true);
            _delivery.Start();
        }
        DeactivateIfFinished();
    }

    /// <summary>A finished case needs no memory once it owes nobody anything: 400k of them must not stay resident.</summary>
    private void DeactivateIfFinished()
    {
        if ((_case is null || !EventTransitions.IsOpen(_case.Status)) && !_delivery.HasPending)
        {
            DeactivateOnIdle();
        }
    }

    private AlarmTarget Target() => new(AlarmTarget.Event, Id);

    /// <summary>The notice that tells the grid's shard what this case expects now.</summary>
    private TrackDeadline Track(EventState state) =>
        new(state.Report!.GridId, Target(), state.AlarmSequence, state.ArmedFor is { } due ? new ArmedDeadline(Target(), due, state.AlarmSequence) : null);

    private void ArmGrabWindow()
    {
        if (_grabWindow is not null)
        {
            return;
        }
        var closesIn = _case!.GrabOpenedAt!.Value + rules.Dispatch.GrabWindow - time.GetUtcNow();
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
        if (_case is not { Status: EventStatus.Grabbing })
        {
            return;
        }
        if (_case.GrabOpenedAt!.Value + rules.Dispatch.GrabWindow > time.GetUtcNow())
        {
            // The clock slowed down (or the wait was capped): the window is not over on the county's clock yet.
            ArmGrabWindow();
            return;
        }
        var village = GrainFactory.GetGrain<IVillageGrain>(_case.Report!.VillageId);
        var fallback = await village.FindFallbackWorker(Id, _case.Report.IsDrill);
        if (rules.CloseGrabWindow(Id, _case, copier.Copy(_case), fallback, time.GetUtcNow()) is { } step)
        {
            await Commit(step);
        }
    }
}
