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

    /// <summary>Cases with an outbox older than <paramref name="age"/>: steps whose delivery a crash interrupted.</summary>
    Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default);
}
