namespace GridActors.Grains.Events.Store;

/// <summary>
/// Where cases live: one commit per step, holding the state, the read-model row, the deadline entry and the
/// outbox, so that a step is either wholly stored or not at all. The PostgreSQL store group-commits the steps of
/// many cases in one transaction; the in-memory store is the embedded default.
/// </summary>
public interface ICaseStore
{
    /// <summary>The case and its undelivered outboxes, or null when nothing was reported under this id.</summary>
    Task<StoredCase?> Load(string caseId);

    /// <summary>
    /// Stores the step; durable when it completes. False, with nothing stored, when the case is no longer at
    /// <see cref="CaseCommit.ExpectedVersion"/> (another activation wrote first).
    /// </summary>
    Task<bool> Commit(CaseCommit commit);

    /// <summary>
    /// The outbox of <paramref name="version"/> has been delivered. Need not be durable: an outbox delivered
    /// again changes nothing.
    /// </summary>
    Task Delivered(string caseId, long version);

    /// <summary>
    /// Erases the case for good — its state, read-model row, deadline entry and outboxes — as a drill's cleanup does
    /// through the case's grain; durable when it completes. A case that is not there changes nothing.
    /// </summary>
    Task Erase(string caseId);

    /// <summary>
    /// Erases at once, as <see cref="Erase"/> would one by one, those of the cases that are finished and owe nothing
    /// (no undelivered outbox): the bulk of a drill's cleanup, which no grain need be woken for. Returns the ids
    /// erased; the others are for their grains, which settle what they owe first.
    /// </summary>
    Task<IReadOnlyList<string>> EraseSettled(IReadOnlyList<string> caseIds);

    /// <summary>The device's newest alarm receipts by the time the alarms were raised, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlarmReceipt>> NewestAlarms(string deviceId, int limit);

    /// <summary>The receipt of one alarm of the device, or null when no step counted it.</summary>
    Task<AlarmReceipt?> FindAlarm(string deviceId, string alarmId);

    /// <summary>Cases with an outbox older than <paramref name="age"/>: steps whose delivery a crash interrupted.</summary>
    Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default);
}
