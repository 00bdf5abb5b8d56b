using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;

namespace GridActors.Grains.Deadlines;

public sealed class DeadlineGrain(IDeadlineStore store, GridClock clock, TimeProvider realTime) : Grain, IDeadlineGrain, IRemindable
{
    private const string Watchdog = "deadline-watchdog";

    /// <summary>Orleans' smallest reminder period: after a crash, a due deadline fires within about this long.</summary>
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>A woken target that has not re-armed or disarmed within this long (real time) is woken again.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wakes without an answer after which an entry is dropped: its target no longer exists (a case whose
    /// first write failed after it armed the shard), and would otherwise be woken forever.
    /// </summary>
    private const int MaxUnanswered = 10;

    /// <summary>The timer is re-armed at least this often, so a deadline far off is rechecked now and then.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>The armed deadlines by target, and in due order so that finding the next one never scans them all.</summary>
    private readonly Dictionary<string, ArmedDeadline> _armed = [];
    private readonly SortedSet<(DateTimeOffset DueAt, string Key)> _byDue = [];
    private readonly Dictionary<string, DateTimeOffset> _wokenAt = [];

    /// <summary>How often each target was woken without answering; a target that never answers is dropped.</summary>
    private readonly Dictionary<string, int> _unanswered = [];
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerFor;
    private bool _watchdogRegistered;
    private Task? _watchdogSync;

    private string Shard => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var deadline in await store.Load(Shard))
        {
            var key = deadline.Target.ToString();
            _armed[key] = deadline;
            _byDue.Add((deadline.DueAt, key));
        }
        if (_byDue.Count > 0)
        {
            await SyncWatchdog();
            ArmTimer();
        }
    }

    public async Task Arm(ArmedDeadline deadline)
    {
        var key = deadline.Target.ToString();
        if (_armed.TryGetValue(key, out var previous))
        {
            _byDue.Remove((previous.DueAt, key));
        }
        _armed[key] = deadline;
        _byDue.Add((deadline.DueAt, key));
        _wokenAt.Remove(key);
        _unanswered.Remove(key);
        if (_timerFor is not { } planned || deadline.DueAt < planned)
        {
            ArmTimer();
        }
        await store.Upsert(Shard, deadline);
        await SyncWatchdog();
    }

    public async Task Disarm(AlarmTarget target)
    {
        var key = target.ToString();
        _wokenAt.Remove(key);
        _unanswered.Remove(key);
        if (!_armed.Remove(key, out var previous))
        {
            return;
        }
        _byDue.Remove((previous.DueAt, key));
        await store.Remove(Shard, target);
        await SyncWatchdog();
    }

    public Task<IReadOnlyList<ArmedDeadline>> GetArmed() =>
        Task.FromResult<IReadOnlyList<ArmedDeadline>>([.. _byDue.Select(entry => _armed[entry.Key])]);

    public async Task Tick()
    {
        var now = clock.GetUtcNow();
        var realNow = realTime.GetUtcNow();
        var abandoned = new List<ArmedDeadline>();
        foreach (var (dueAt, key) in _byDue)
        {
            if (dueAt > now)
            {
                break;
            }
            if (_wokenAt.TryGetValue(key, out var woken) && realNow - woken < Retry)
            {
                continue;
            }
            if ((_unanswered[key] = _unanswered.GetValueOrDefault(key) + 1) > MaxUnanswered)
            {
                abandoned.Add(_armed[key]);
                continue;
            }
            _wokenAt[key] = realNow;
            Wake(_armed[key]);
        }
        foreach (var entry in abandoned)
        {
            // Arm interleaves with these awaits: a target that answered with a new schedule meanwhile keeps it.
            if (_armed.GetValueOrDefault(entry.Target.ToString()) == entry)
            {
                await Disarm(entry.Target);
            }
        }
        ArmTimer();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Tick();

    private void Wake(ArmedDeadline deadline)
    {
        IAlarmTarget target = deadline.Target.Kind == AlarmTarget.Visits
            ? GrainFactory.GetGrain<IVisitRegisterGrain>(deadline.Target.Id)
            : GrainFactory.GetGrain<IEventGrain>(deadline.Target.Id);
        target.Alarm(deadline.Sequence).Ignore();
    }

    /// <summary>
    /// One timer, set for the earliest deadline not yet woken, or for the retry of the earliest that was
    /// (woken ones wait at the front of the order only until their target answers).
    /// </summary>
    private void ArmTimer()
    {
        _timer?.Dispose();
        _timer = null;
        _timerFor = null;
        if (_byDue.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var realNow = realTime.GetUtcNow();
        var wait = LongestWait;
        foreach (var (dueAt, key) in _byDue)
        {
            if (_wokenAt.TryGetValue(key, out var woken))
            {
                wait = Min(wait, Retry - (realNow - woken));
                continue;
            }
            wait = Min(wait, clock.RealDelay(dueAt - now));
            _timerFor = dueAt;
            break;
        }
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Makes the watchdog reminder exist exactly while something is armed. Arms and disarms interleave, so one
    /// sync runs at a time and loops until what is registered matches what is armed.
    /// </summary>
    private async Task SyncWatchdog()
    {
        while (_watchdogSync is { } running)
        {
            await running;
        }
        if (_watchdogRegistered == _byDue.Count > 0)
        {
            return;
        }
        _watchdogSync = SyncWatchdogOnce();
        try
        {
            await _watchdogSync;
        }
        finally
        {
            _watchdogSync = null;
        }
    }

    private async Task SyncWatchdogOnce()
    {
        while (_watchdogRegistered != _byDue.Count > 0)
        {
            if (_byDue.Count > 0)
            {
                await this.RegisterOrUpdateReminder(Watchdog, WatchdogPeriod, WatchdogPeriod);
                _watchdogRegistered = true;
            }
            else
            {
                if (await this.GetReminder(Watchdog) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }
                // The timer is left alone: an arm may have set it while the reminder was being dropped, and a
                // tick on an empty shard does nothing.
                _watchdogRegistered = false;
            }
        }
    }
}
