using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Nearby;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Events;

/// <summary>
/// Delivers a case's committed outboxes, oldest first, to the shard, workers and ledgers they name; every effect
/// is idempotent, so an outbox delivered twice changes nothing. A delivery that fails is retried on a timer, and
/// one that a crash interrupted is redone by the next activation (the store still has the outbox). The step
/// itself stands either way: it was committed.
/// </summary>
/// <remarks>
/// The case answers its caller once the step is committed and delivers afterwards (<see cref="Start"/>): the
/// outbox is durable, so the answer need not wait for two more durable writes (a worker's, a ledger's). One
/// delivery runs at a time and takes whatever has been queued meanwhile, so outboxes arrive in order.
/// </remarks>
internal sealed partial class CaseDelivery(
    string caseId, ICaseStore store, IGrainFactory grains, IGrainBase grain, Action whenIdle, ILogger logger)
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    private readonly Queue<(CaseOutbox Outbox, bool Durable)> _pending = new();
    private IGrainTimer? _retry;
    private Task? _running;
    private bool _stopped;

    public bool HasPending => _pending.Count > 0 || _running is not null;

    /// <summary>What storage still holds undelivered, found on activation.</summary>
    public void Resume(IReadOnlyList<CaseOutbox> undelivered)
    {
        foreach (var outbox in undelivered)
        {
            _pending.Enqueue((outbox, true));
        }
    }

    /// <summary>Queues an outbox; <paramref name="durable"/>: the store holds it and is told once it is delivered.</summary>
    public void Enqueue(CaseOutbox outbox, bool durable) => _pending.Enqueue((outbox, durable));

    /// <summary>Starts delivering what is pending unless a delivery is running already (it will take it too).</summary>
    public void Start()
    {
        if (_running is null && _pending.Count > 0 && !_stopped)
        {
            // A delivery that finished before returning (it failed at once) has already cleared itself.
            var running = RunToEnd();
            _running = running.IsCompleted ? null : running;
        }
    }

    /// <summary>
    /// The activation is going: deliver nothing more from it and set no timer. What is left stays in the store and
    /// the next activation delivers it; a delivery of this one still in flight finishes its current outbox only.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        _retry?.Dispose();
        _retry = null;
    }

    /// <summary>
    /// The case is being erased: nothing more is delivered, a delivery in flight is waited for, and the effects
    /// never delivered are handed back for the caller to undo what they would have done.
    /// </summary>
    public async Task<IReadOnlyList<CaseEffect>> Abandon()
    {
        Stop();
        if (_running is { } running)
        {
            await running;
        }
        List<CaseEffect> undelivered = [.. _pending.SelectMany(p => p.Outbox.Effects)];
        _pending.Clear();
        return undelivered;
    }

    /// <summary>Delivers what is pending and waits for it; what a retry timer, the sweeper and activation call.</summary>
    public async Task DeliverOrRetry()
    {
        Start();
        if (_running is { } running)
        {
            await running;
        }
    }

    private async Task RunToEnd()
    {
        try
        {
            await DeliverAll();
        }
        finally
        {
            _running = null;
        }
        if (_pending.Count == 0 && !_stopped)
        {
            whenIdle();
        }
    }

    /// <summary>Delivers what is pending; on failure logs it, keeps the rest queued and retries later, never throws.</summary>
    private async Task DeliverAll()
    {
        try
        {
            while (!_stopped && _pending.TryPeek(out var next))
            {
                await Task.WhenAll(next.Outbox.Effects.Select(Deliver));
                _pending.Dequeue();
                if (next.Durable)
                {
                    // Need not wait: an outbox that stays stored is delivered again, harmlessly.
                    store.Delivered(caseId, next.Outbox.Version).Ignore();
                }
            }
            _retry?.Dispose();
            _retry = null;
        }
        catch (Exception failure)
        {
            LogDeliveryFailed(failure, caseId);
            if (_stopped)
            {
                return;
            }
            _retry ??= grain.RegisterGrainTimer(RetryDelivery, new GrainTimerCreationOptions
            {
                DueTime = RetryEvery,
                Period = RetryEvery,
                KeepAlive = true,
            });
        }
    }

    private Task RetryDelivery(CancellationToken cancellationToken) => DeliverOrRetry();

    private Task Deliver(CaseEffect effect) => effect switch
    {
        TrackDeadline notice => grains.GetGrain<IDeadlineGrain>(notice.Shard).Track(notice.Target, notice.Sequence, notice.Deadline),
        AssignTask assign => grains.GetGrain<IWorkerGrain>(assign.WorkerId).AssignTask(caseId, assign.Drill),
        ReleaseTask release => grains.GetGrain<IWorkerGrain>(release.WorkerId).ReleaseTask(caseId),
        PayAward pay => grains.GetGrain<ILedgerGrain>(pay.Award.ParticipantId).Credit(pay.Award),
        IndexSpot index => grains.GetGrain<INearbyCellGrain>(index.Cell).Track(index.Spot),
        UnindexSpot unindex => grains.GetGrain<INearbyCellGrain>(unindex.Cell).Forget(caseId),
        JoinOriginal join => grains.GetGrain<IEventGrain>(join.OriginalId).JoinDuplicate(caseId),
        LeaveOriginal leave => grains.GetGrain<IEventGrain>(leave.OriginalId).LeaveDuplicate(caseId),
        TellDuplicate tell => grains.GetGrain<IEventGrain>(tell.DuplicateId).OriginalFinished(caseId, tell.Status),
        _ => throw new InvalidOperationException($"No delivery for {effect.GetType().Name}."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {EventId} is committed but delivering what it owes others failed; retrying")]
    private partial void LogDeliveryFailed(Exception exception, string eventId);
}
