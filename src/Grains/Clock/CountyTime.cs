using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Clock;

/// <summary>
/// The arithmetic of the county clock's line (<see cref="ClockSettings"/>): what it reads at a real instant,
/// how long a simulated wait takes in real time, and how it starts and changes speed without a jump.
/// </summary>
public static class CountyTime
{
    /// <summary>
    /// How far ahead a speed change takes effect: longer than a silo's poll interval, so that every silo
    /// switches at the same real instant instead of running on at the old speed until it hears. A silo
    /// that ran ahead on the old speed would otherwise have to stand still until the county caught up.
    /// </summary>
    public static readonly TimeSpan SwitchLead = TimeSpan.FromSeconds(2);

    /// <summary>The county time at the real instant <paramref name="realNow"/>.</summary>
    public static DateTimeOffset At(ClockSettings line, DateTimeOffset realNow)
    {
        var sinceAnchor = realNow - line.AnchorReal;
        return line.AnchorSimulated + sinceAnchor * (sinceAnchor >= TimeSpan.Zero ? line.Speed : line.PreviousSpeed);
    }

    /// <summary>How long in real time the county takes to move <paramref name="simulated"/> on from <paramref name="from"/>.</summary>
    public static TimeSpan RealDuration(ClockSettings line, DateTimeOffset from, TimeSpan simulated)
    {
        var untilSwitch = line.AnchorSimulated - from;
        if (untilSwitch <= TimeSpan.Zero)
        {
            return simulated / line.Speed;
        }
        return simulated <= untilSwitch
            ? simulated / line.PreviousSpeed
            : untilSwitch / line.PreviousSpeed + (simulated - untilSwitch) / line.Speed;
    }

    /// <summary>
    /// A clock that starts now: at the real time, or at the checkpoint if the county had got further than that
    /// (a sped-up clock), so that time never runs backwards and a real-time clock stays on real time. A county
    /// set to another time (an <paramref name="epoch"/> after the first, a period being played) continues from
    /// its checkpoint even when that is behind the real time: its cases and deadlines are of the period. It stays
    /// in the epoch of the line it continues, so a silo still on that line does not take it for a new setting.
    /// </summary>
    public static ClockSettings Start(DateTimeOffset realNow, DateTimeOffset? checkpoint, double speed, long version, long epoch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var from = checkpoint is { } reached && (reached > realNow || epoch > 0) ? reached : realNow;
        return new ClockSettings(from, realNow, speed, speed, version, epoch);
    }

    /// <summary>
    /// The same line up to <see cref="SwitchLead"/> from now, and <paramref name="speed"/> from there on.
    /// A second change inside the lead keeps the line up to its own switch; only a silo that already
    /// followed the first sees the difference, as a step of at most the lead times the change in speed.
    /// </summary>
    public static ClockSettings ChangeSpeed(ClockSettings line, DateTimeOffset realNow, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var switchAt = realNow + SwitchLead;
        return new ClockSettings(At(line, switchAt), switchAt, speed, line.Speed, line.Version + 1, line.Epoch);
    }

    /// <summary>
    /// A line in a new epoch, so that the silos follow it even backwards: it stands all but still at
    /// <paramref name="from"/> for <see cref="SwitchLead"/> (at <see cref="GridClock.MinSpeed"/>), then runs at
    /// <paramref name="speed"/>. Every silo hears of it within the lead, so work begun once the county reads
    /// <paramref name="from"/> is stamped on the new line wherever it runs, not on an old line a poll behind.
    /// </summary>
    public static ClockSettings Restart(ClockSettings line, DateTimeOffset realNow, DateTimeOffset from, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return new ClockSettings(from, realNow + SwitchLead, speed, GridClock.MinSpeed, line.Version + 1, line.Epoch + 1);
    }
}
