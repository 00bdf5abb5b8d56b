using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Deadlines;

/// <summary>
/// A grid's deadlines: the entries its cases commit with their steps and its key-person register arms here, kept
/// in due order with one grain timer for the earliest, and one watchdog reminder while anything is held so that
/// a deactivated or restarted shard comes back. A woken target that does not answer is woken again, ever less
/// often, and never dropped: only the target itself can say it expects nothing.
/// </summary>
public sealed partial class DeadlineGrain(IDeadlineStore store, GridClock clock, TimeProvider realTime, ILogger<DeadlineGrain> logger)
    : Grain, IDeadlineGrain, IRemindable
{
    private const string Watchdog = "deadline-watchdog";

    /// <summary>Orleans' smallest reminder period: after a crash, a due deadline fires within about this long.</summary>
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The timer is re-armed at least this often, so a deadline far off is rechecked now and then.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    private readonly DeadlineSchedule _schedule = new();
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerFor;
    private bool _watchdogRegistered;
    private Task? _watchdogSync;

    private string Shard => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var deadline in await store.Load(Shard))
        {
            _schedule.Set(deadline.Target, deadline.Sequence, deadline);
        }
        if (!_schedule.IsEmpty)
        {
            await SyncWatchdog();
            ArmTimer();
        }
    }

    public async Task Arm(ArmedDeadline deadline)
    {
        await store.Upsert(Shard, deadline);
        await Track(deadline.Target, deadline.Sequence, deadline);
    }

    public async Task Disarm(AlarmTarget target)
    {
        await store.Remove(Shard, target);
        _schedule.Remove(target);
    }

    public async Task Track(AlarmTarget target, long sequence, ArmedDeadline? deadline)
    {
        if (!_schedule.Set(target, sequence, deadline, realTime.GetUtcNow()))
        {
            return;
        }
        if (deadline is not null)
        {
            if (_timerFor is not { } planned || deadline.DueAt < planned)
            {
                ArmTimer();
            }
            await SyncWatchdogOrLater();
        }
    }

    /// <summary>
    /// The entry is taken and its timer set whatever the reminder table says: a notice must not fail (and hold up
    /// the case's other deliveries) because the watchdog could not be registered just now. The next tick tries.
    /// </summary>
    private async Task SyncWatchdogOrLater()
    {
        try
        {
            await SyncWatchdog();
        }
        catch (Exception failure)
        {
            LogWatchdogFailed(failure, Shard);
        }
    }

    /// <summary>The same as a disarm: the target itself says it expects nothing.</summary>
    public Task Forget(AlarmTarget target) => Disarm(target);

    public Task<IReadOnlyList<ArmedDeadline>> GetArmed() => Task.FromResult(_schedule.All());

    public async Task Tick()
    {
        if (!_schedule.IsEmpty && !_watchdogRegistered)
        {
            await SyncWatchdogOrLater();
        }
        foreach (var deadline in _schedule.TakeDue(clock.GetUtcNow(), realTime.GetUtcNow()))
        {
            Wake(deadline);
        }
        ArmTimer();
    }

    /// <summary>The watchdog: ticks, and is dropped here only, when its own round finds the shard empty.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _watchdogRegistered = true;
        await Tick();
        if (_schedule.IsEmpty)
        {
            await SyncWatchdog(allowDrop: true);
        }
    }

    private void Wake(ArmedDeadline deadline)
    {
        var task = deadline.Target.Kind == AlarmTarget.Visits
            ? GrainFactory.GetGrain<IVisitRegisterGrain>(deadline.Target.Id).Alarm(deadline.Sequence)
            : GrainFactory.GetGrain<IEventGrain>(deadline.Target.Id).Wake(deadline.Sequence, Shard);
        task.Ignore();
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
        if (_schedule.IsEmpty)
        {
            return;
        }
        var (due, retryAt) = _schedule.Next(realTime.GetUtcNow());
        var wait = LongestWait;
        if (retryAt is { } retry)
        {
            wait = Min(wait, retry);
        }
        if (due is { } dueAt)
        {
            wait = Min(wait, clock.RealDelay(dueAt - clock.GetUtcNow()));
            _timerFor = dueAt;
        }
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Registers the watchdog while anything is held; drops it only when asked by the watchdog's own round and the
    /// shard is still empty once the drop is done (an entry may arrive meanwhile). One sync runs at a time.
    /// </summary>
    private async Task SyncWatchdog(bool allowDrop = false)
    {
        while (_watchdogSync is { } running)
        {
            await running;
        }
        var wanted = !_schedule.IsEmpty;
        if (wanted == _watchdogRegistered || (!wanted && !allowDrop))
        {
            return;
        }
        _watchdogSync = wanted ? Register() : Drop();
        try
        {
            await _watchdogSync;
        }
        finally
        {
            _watchdogSync = null;
        }
        if (!_schedule.IsEmpty && !_watchdogRegistered)
        {
            await SyncWatchdog();
        }
    }

    private async Task Register()
    {
        await this.RegisterOrUpdateReminder(Watchdog, WatchdogPeriod, WatchdogPeriod);
        _watchdogRegistered = true;
    }

    private async Task Drop()
    {
        if (await this.GetReminder(Watchdog) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _watchdogRegistered = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline shard {Shard} could not register its watchdog reminder; its next tick tries again")]
    private partial void LogWatchdogFailed(Exception exception, string shard);
}
