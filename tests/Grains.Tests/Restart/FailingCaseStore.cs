using GridActors.Grains.Deadlines;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A case store whose next commit fails on demand, as a commit does when the database drops the connection,
/// before anything is stored; everything else goes to the wrapped store.
/// </summary>
public sealed class FailingCaseStore(ICaseStore stored) : ICaseStore
{
    private static int _failuresToInject;

    public static void FailNextCommit() => Interlocked.Exchange(ref _failuresToInject, 1);

    public Task<StoredCase?> Load(string caseId) => stored.Load(caseId);

    public Task<bool> Commit(CaseCommit commit) =>
        Interlocked.Exchange(ref _failuresToInject, 0) == 1
            ? throw new TimeoutException($"Injected: committing case {commit.CaseId} did not complete.")
            : stored.Commit(commit);

    public Task Delivered(string caseId, long version) => stored.Delivered(caseId, version);

    public Task Erase(string caseId) => stored.Erase(caseId);

    public Task<IReadOnlyList<string>> EraseSettled(IReadOnlyList<string> caseIds) => stored.EraseSettled(caseIds);

    public Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default) =>
        stored.FindUndelivered(age, limit, cancellationToken);

    public Task<IReadOnlyList<AlarmReceipt>> NewestAlarms(string deviceId, int limit) => stored.NewestAlarms(deviceId, limit);

    public Task<AlarmReceipt?> FindAlarm(string deviceId, string alarmId) => stored.FindAlarm(deviceId, alarmId);
}

/// <summary>A deadline store whose next change fails on demand: the first thing to fail in a database outage.</summary>
public sealed class FailingDeadlineStore(IDeadlineStore stored) : IDeadlineStore
{
    private static int _failuresToInject;

    public static void FailNextChange() => Interlocked.Exchange(ref _failuresToInject, 1);

    public Task<IReadOnlyList<ArmedDeadline>> Load(string shard) => stored.Load(shard);

    public Task Upsert(string shard, ArmedDeadline deadline) => Fail() ?? stored.Upsert(shard, deadline);

    public Task Remove(string shard, AlarmTarget target) => Fail() ?? stored.Remove(shard, target);

    private static Task? Fail() =>
        Interlocked.Exchange(ref _failuresToInject, 0) == 1
            ? throw new TimeoutException("Injected: the deadline store did not answer.")
            : null;
}
