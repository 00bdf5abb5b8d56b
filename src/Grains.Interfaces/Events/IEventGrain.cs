using GridActors.Grains.Interfaces.Deadlines;
using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// One reported case and the single writer of its state: every action, every grab in a race, goes through
/// it one at a time. Keyed by the event id (minted from the client's idempotency key when there is one).
/// </summary>
[Alias("GridActors.IEventGrain")]
public interface IEventGrain : IAlarmTarget
{
    /// <summary>
    /// Files the report, durable before it returns; routes it when automatic dispatch is on. <paramref name="by"/>
    /// is who filed it, for the audit entry committed with it.
    /// </summary>
    [Alias("Report")]
    Task<ReportOutcome> Report(ReportDraft draft, Audit.AuditActor? by = null);

    /// <summary>
    /// Counts further alarms of the device and kind the case was opened by, durable before it returns; nothing is
    /// stored when the case takes no more (<see cref="Devices.FoldResult"/>).
    /// </summary>
    [Alias("Fold")]
    Task<Devices.FoldResult> Fold(IReadOnlyList<Devices.AlarmDraft> alarms, Audit.AuditActor by);

    /// <summary>
    /// The case, or null when nothing was reported under this id. Interleaved with other calls: it only reads, and
    /// a case asked about by another case's step (a merge) must answer even while it is taking a step of its own.
    /// </summary>
    [AlwaysInterleave, Alias("GetView")]
    Task<EventView?> GetView();

    /// <summary>
    /// One step of the loop, checked against the caller's rights, the case's status and version, and the
    /// request key; durable before it returns. The answer's case leaves out the history.
    /// </summary>
    [Alias("Act")]
    Task<ActionOutcome> Act(EventCommand command);

    /// <summary>
    /// A deadline armed with <paramref name="sequence"/> in the deadline shard <paramref name="shard"/> has come.
    /// One-way, like <see cref="IAlarmTarget.Alarm"/>; the case answers by telling the shard what it now expects,
    /// or, when no case has this id, that it expects nothing.
    /// </summary>
    [OneWay, Alias("Wake")]
    Task Wake(long sequence, string shard);

    /// <summary>
    /// Erases the case for good if it is one of <paramref name="drill"/>'s (the drill's cleanup): its workers let it
    /// go, its shard forgets it, its storage is removed, and no call answers it afterwards. False, with nothing
    /// changed, when there is no case under this id or it is not that drill's — a county case is never erased.
    /// </summary>
    [Alias("Erase")]
    Task<bool> Erase(string drill);

    /// <summary>Counts <paramref name="duplicateId"/> among the case's duplicates, durably; again, it changes nothing.</summary>
    [Alias("JoinDuplicate")]
    Task JoinDuplicate(string duplicateId);

    /// <summary>No longer counts <paramref name="duplicateId"/> (it was unmerged), durably.</summary>
    [Alias("LeaveDuplicate")]
    Task LeaveDuplicate(string duplicateId);

    /// <summary>
    /// The case this duplicate waits on, <paramref name="originalId"/>, finished as <paramref name="status"/>: the
    /// duplicate finishes with it, durably. A stale notice changes nothing.
    /// </summary>
    [Alias("OriginalFinished")]
    Task OriginalFinished(string originalId, EventStatus status);

    /// <summary>Tells other grains what committed steps owe them and they have not yet heard (the outbox).</summary>
    [Alias("DeliverPending")]
    Task DeliverPending();
}
