using GridActors.Grains.Audit;
using GridActors.Grains.Deadlines;
using GridActors.Grains.ReadModel;
using Orleans.Serialization;

namespace GridActors.Grains.Events.Store;

/// <summary>
/// The embedded default: cases in the silo's memory, for as long as the process runs. It keeps the PostgreSQL
/// store's promises within the process — a commit stores the state, the read-model row, the deadline entry and
/// the outbox under one lock or none of them — and keeps states serialized, so no grain ever holds the stored
/// object itself. Outboxes are kept apart, only for the cases that still owe something: a closed case costs
/// its state and nothing more, and the sweep for undelivered outboxes reads the cases in flight, not the day's.
/// Alarm receipts are kept by device, and by case for the ones an erasure must take along.
/// </summary>
public sealed class InMemoryCaseStore(
    Serializer serializer, IEventReadModel readModel, IDeadlineStore deadlines, IAuditTrail audit, TimeProvider realTime) : ICaseStore
{
    private readonly Dictionary<string, Entry> _cases = [];
    private readonly Dictionary<string, List<(CaseOutbox Outbox, DateTimeOffset WrittenAt)>> _outboxes = [];
    private readonly Dictionary<string, Dictionary<string, AlarmReceipt>> _alarmsByDevice = [];
    private readonly Dictionary<string, List<AlarmReceipt>> _alarmsByCase = [];
    private readonly Lock _lock = new();

    public Task<StoredCase?> Load(string caseId)
    {
        lock (_lock)
        {
            if (!_cases.TryGetValue(caseId, out var entry))
            {
                return Task.FromResult<StoredCase?>(null);
            }
            var state = serializer.Deserialize<EventState>(entry.Payload)!;
            var outboxes = _outboxes.TryGetValue(caseId, out var owed) ? owed.Select(o => o.Outbox).ToList() : [];
            return Task.FromResult<StoredCase?>(new StoredCase(state, outboxes));
        }
    }

    /// <summary>
    /// The deadline entry first: it is the part that can fail (a test's failing store), and if it does nothing
    /// else is stored. A case commits one step at a time, so nobody moves its version in between.
    /// </summary>
    public async Task<bool> Commit(CaseCommit commit)
    {
        if (StoredVersion(commit.CaseId) != commit.ExpectedVersion)
        {
            return false;
        }
        if (commit.Deadline is { } deadline)
        {
            await (deadline.Armed is { } armed
                ? deadlines.Upsert(deadline.Shard, armed)
                : deadlines.Remove(deadline.Shard, deadline.Target));
        }
        lock (_lock)
        {
            var known = _cases.GetValueOrDefault(commit.CaseId);
            if ((known?.Version ?? 0) != commit.ExpectedVersion)
            {
                return false;
            }
            _cases[commit.CaseId] = new Entry(commit.State.Version, serializer.SerializeToArray(commit.State), commit.Row.IsOpen);
            if (commit.Outbox is { } outbox)
            {
                if (!_outboxes.TryGetValue(commit.CaseId, out var owed))
                {
                    _outboxes[commit.CaseId] = owed = [];
                }
                owed.Add((outbox, realTime.GetUtcNow()));
            }
            foreach (var receipt in commit.Alarms ?? [])
            {
                Keep(receipt);
            }
        }
        await readModel.Project(commit.Row);
        if (commit.Audit is { } entry)
        {
            await audit.Append(entry);
        }
        return true;
    }

    private void Keep(AlarmReceipt receipt)
    {
        if (!_alarmsByDevice.TryGetValue(receipt.DeviceId, out var device))
        {
            _alarmsByDevice[receipt.DeviceId] = device = [];
        }
        device[receipt.AlarmId] = receipt;
        if (!_alarmsByCase.TryGetValue(receipt.EventId, out var counted))
        {
            _alarmsByCase[receipt.EventId] = counted = [];
        }
        counted.Add(receipt);
    }

    private void ForgetAlarmsOf(string caseId)
    {
        if (_alarmsByCase.Remove(caseId, out var counted))
        {
            foreach (var receipt in counted)
            {
                _alarmsByDevice.GetValueOrDefault(receipt.DeviceId)?.Remove(receipt.AlarmId);
            }
        }
    }

    public Task<IReadOnlyList<AlarmReceipt>> NewestAlarms(string deviceId, int limit)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AlarmReceipt>>(_alarmsByDevice.TryGetValue(deviceId, out var device)
                ? [.. device.Values.OrderByDescending(r => r.At).Take(limit)]
                : []);
        }
    }

    public Task<AlarmReceipt?> FindAlarm(string deviceId, string alarmId)
    {
        lock (_lock)
        {
            return Task.FromResult(_alarmsByDevice.GetValueOrDefault(deviceId)?.GetValueOrDefault(alarmId));
        }
    }

    private long StoredVersion(string caseId)
    {
        lock (_lock)
        {
            return _cases.GetValueOrDefault(caseId)?.Version ?? 0;
        }
    }

    public Task Delivered(string caseId, long version)
    {
        lock (_lock)
        {
            if (_outboxes.TryGetValue(caseId, out var owed))
            {
                owed.RemoveAll(o => o.Outbox.Version <= version);
                if (owed.Count == 0)
                {
                    _outboxes.Remove(caseId);
                }
            }
        }
        return Task.CompletedTask;
    }

    public async Task Erase(string caseId)
    {
        lock (_lock)
        {
            _cases.Remove(caseId);
            _outboxes.Remove(caseId);
            ForgetAlarmsOf(caseId);
        }
        await readModel.Remove([caseId]);
    }

    /// <summary>A finished case has no deadline entry (its last step disarmed it), so only the state and the row go.</summary>
    public async Task<IReadOnlyList<string>> EraseSettled(IReadOnlyList<string> caseIds)
    {
        List<string> erased = [];
        lock (_lock)
        {
            foreach (var id in caseIds)
            {
                if (_cases.TryGetValue(id, out var entry) && !entry.Open && !_outboxes.ContainsKey(id))
                {
                    _cases.Remove(id);
                    ForgetAlarmsOf(id);
                    erased.Add(id);
                }
            }
        }
        await readModel.Remove(erased);
        return erased;
    }

    public Task<IReadOnlyList<string>> FindUndelivered(TimeSpan age, int limit, CancellationToken cancellationToken = default)
    {
        var before = realTime.GetUtcNow() - age;
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _outboxes
                .Where(c => c.Value.Any(o => o.WrittenAt <= before))
                .Select(c => c.Key)
                .Take(limit)]);
        }
    }

    private sealed record Entry(long Version, byte[] Payload, bool Open);
}
