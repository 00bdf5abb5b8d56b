using GridActors.Grains.Clock;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using Orleans.Concurrency;

namespace GridActors.Grains.Devices;

/// <summary>
/// One device, the single writer of which case its alarms go to. New alarms are grouped by kind (and drill); a group
/// folds into the kind's open case, and when that case has finished the device names a new one — durably, before
/// reporting it — so a lost answer is retried into the same case, never a second. An alarm id seen before is
/// answered from its receipt, which the case committed with the step that counted it.
/// </summary>
/// <remarks>
/// Reentrant, so that calls arriving while a round is being filed wait together and go in the next round: in a storm
/// a device's alarms from several requests fold in one case step instead of one each. Only the filing loop changes
/// state, one round at a time, so the device is still the single writer of its cases.
/// </remarks>
[Reentrant]
public sealed class DeviceGrain(
    [PersistentState("device", StorageNames.County)] IPersistentState<DeviceState> state,
    DeviceCatalogue catalogue,
    CountyTopology topology,
    AlarmRules rules,
    ICaseStore store,
    GridClock time) : Grain, IDeviceGrain
{
    /// <summary>A drill's entry outlives its drill by this much, so that drills leave no lasting trace here.</summary>
    private static readonly TimeSpan DrillEntryLifetime = TimeSpan.FromDays(1);

    private AlarmReceiptCache _receipts = null!;
    private readonly List<WaitingAlarms> _waiting = [];
    private bool _filing;

    /// <summary>
    /// A round failed: a step whose answer was lost may have committed, so what this activation holds may be behind
    /// storage. It files nothing more; every call is refused until the next activation reads storage again.
    /// </summary>
    private Exception? _broken;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _receipts = new AlarmReceiptCache(await store.NewestAlarms(Id, AlarmReceiptCache.Capacity));

    public Task<IReadOnlyList<AlarmAnswer>> Raise(IReadOnlyList<AlarmDraft> alarms, AuditActor by)
    {
        if (_broken is { } failure)
        {
            return Task.FromException<IReadOnlyList<AlarmAnswer>>(new InvalidOperationException($"Device {Id} is reloading after a failed round; retry.", failure));
        }
        var waiting = new WaitingAlarms(alarms, by);
        _waiting.Add(waiting);
        if (!_filing)
        {
            _filing = true;
            _ = FileWhileWaiting();
        }
        return waiting.Answers.Task;
    }

    /// <summary>Files what has queued up, round after round, until nothing waits.</summary>
    private async Task FileWhileWaiting()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var round = _waiting.ToList();
                _waiting.Clear();
                try
                {
                    await FileRound(round);
                }
                catch (Exception failure)
                {
                    // A step whose answer was lost may have committed, receipts and all: the next activation reads them.
                    // Nothing more is filed here, not even what waits already, lest it count an alarm a second time.
                    _broken = failure;
                    DeactivateOnIdle();
                    round.Concat(_waiting).ToList().ForEach(w => w.Answers.TrySetException(failure));
                    _waiting.Clear();
                }
            }
        }
        finally
        {
            _filing = false;
        }
    }

    private async Task FileRound(IReadOnlyList<WaitingAlarms> round)
    {
        var device = catalogue.Find(Id) ?? throw new ArgumentException($"There is no device '{Id}'.");
        var receipts = new Dictionary<string, AlarmReceipt>();
        var fresh = new List<(AlarmDraft Alarm, AuditActor By)>();
        foreach (var (alarm, by) in round.SelectMany(w => w.Alarms.Select(a => (a, w.By))).DistinctBy(x => x.a.AlarmId))
        {
            if (await Known(alarm) is { } known)
            {
                receipts[alarm.AlarmId] = known;
            }
            else
            {
                fresh.Add((alarm, by));
            }
        }
        foreach (var group in fresh.GroupBy(x => (x.Alarm.Kind, x.Alarm.Drill, x.By)))
        {
            foreach (var receipt in await File(device, group.Key.Kind, group.Key.Drill, [.. group.Select(x => x.Alarm)], group.Key.By))
            {
                _receipts.Add(receipt);
                receipts[receipt.AlarmId] = receipt;
            }
        }
        foreach (var waiting in round)
        {
            waiting.Answers.TrySetResult([.. waiting.Alarms.Select(alarm => Answer(alarm, receipts[alarm.AlarmId]))]);
        }
    }

    private async Task<AlarmReceipt?> Known(AlarmDraft alarm) =>
        _receipts.Find(alarm.AlarmId)
        ?? (_receipts.MayHaveForgotten(alarm.At) && await store.FindAlarm(Id, alarm.AlarmId) is { } stored ? Remember(stored) : null);

    private AlarmReceipt Remember(AlarmReceipt receipt)
    {
        _receipts.Add(receipt);
        return receipt;
    }

    private static AlarmAnswer Answer(AlarmDraft alarm, AlarmReceipt receipt) =>
        receipt.Fingerprint == AlarmReceipt.FingerprintOf(alarm)
            ? receipt.Answer
            : new AlarmAnswer(alarm.AlarmId, AlarmResult.Conflict, null);

    /// <summary>The group into the kind's open case; when there is none, or it has finished, into a newly named one.</summary>
    private async Task<IReadOnlyList<AlarmReceipt>> File(DeviceInfo device, string kind, string? drill, AlarmDraft[] alarms, AuditActor by)
    {
        var key = DeviceState.KeyOf(kind, drill);
        if (state.State.Open.GetValueOrDefault(key) is { } open)
        {
            switch (await GrainFactory.GetGrain<IEventGrain>(open.EventId).Fold(alarms, by))
            {
                case FoldResult.Folded:
                    return [.. alarms.Select(a => AlarmReceipt.For(Id, a, open.EventId, opened: false))];
                case FoldResult.Missing:
                    return await Open(device, open.EventId, alarms, by);
            }
        }
        // Named in storage before it is reported. Should the write fail, the round fails and the device stops
        // (_broken): the name it took in memory is never used, and the next activation reads what was stored.
        var named = new OpenAlarmCase(EventIds.ForAlarms(Id, kind, drill, state.State.Opened + 1), time.GetUtcNow(), drill is not null);
        state.State.Opened++;
        state.State.Open[key] = named;
        ForgetOldDrills();
        await state.WriteStateAsync();
        return await Open(device, named.EventId, alarms, by);
    }

    /// <summary>Reports the case under its name with the first alarm; the rest of the group folds into it at once.</summary>
    private async Task<IReadOnlyList<AlarmReceipt>> Open(DeviceInfo device, string eventId, AlarmDraft[] alarms, AuditActor by)
    {
        var first = alarms[0];
        var rule = rules.Find(first.Kind) ?? throw new ArgumentException($"'{first.Kind}' is not an alarm kind.", nameof(alarms));
        var grid = topology.FindGrid(device.GridId)!;
        var draft = new ReportDraft(device.GridId, grid.Village.Id, grid.Township.Id, rule.Category, rule.Title,
            $"{device.Name}（{device.Owner}）", rule.Priority, new Party("camera", Id), device.Location, Person: null,
            Drill: first.Drill, MediaUrl: first.SnapshotUrl, Alarm: new AlarmOrigin(Id, first));
        var events = GrainFactory.GetGrain<IEventGrain>(eventId);
        var outcome = await events.Report(draft, by);
        if (outcome.Result == ReportResult.Conflict)
        {
            throw new InvalidOperationException($"Case {eventId}, named for device {Id}'s alarms, holds another report.");
        }
        var receipts = new List<AlarmReceipt> { AlarmReceipt.For(Id, first, eventId, opened: true) };
        if (alarms.Length > 1)
        {
            if (await events.Fold(alarms[1..], by) != FoldResult.Folded)
            {
                throw new InvalidOperationException($"Case {eventId} took no alarms right after it opened.");
            }
            receipts.AddRange(alarms[1..].Select(a => AlarmReceipt.For(Id, a, eventId, opened: false)));
        }
        return receipts;
    }

    private void ForgetOldDrills()
    {
        var before = time.GetUtcNow() - DrillEntryLifetime;
        foreach (var key in state.State.Open.Where(p => p.Value.Drill && p.Value.NamedAt < before).Select(p => p.Key).ToList())
        {
            state.State.Open.Remove(key);
        }
    }

    /// <summary>One call's alarms, answered when the round that files them is stored.</summary>
    private sealed record WaitingAlarms(IReadOnlyList<AlarmDraft> Alarms, AuditActor By)
    {
        public TaskCompletionSource<IReadOnlyList<AlarmAnswer>> Answers { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
