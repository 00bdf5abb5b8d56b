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
    /// (a sped-up clock), so that time never runs backwards and a real-time clock stays on real time.
    /// </summary>
    public static ClockSettings Start(DateTimeOffset realNow, DateTimeOffset? checkpoint, double speed, long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var from = checkpoint is { } reached && reached > realNow ? reached : realNow;
        return new ClockSettings(from, realNow, speed, speed, version);
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
        return new ClockSettings(At(line, switchAt), switchAt, speed, line.Speed, line.Version + 1);
    }

    /// <summary>
    /// A line that reads <paramref name="from"/> now and runs at <paramref name="speed"/>: a new epoch, so the
    /// silos follow it even backwards. It takes effect at once rather than after a lead, because the county it
    /// is for is empty: a silo that hears of it a poll later only starts its period that much further on.
    /// </summary>
    public static ClockSettings Restart(ClockSettings line, DateTimeOffset realNow, DateTimeOffset from, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return new ClockSettings(from, realNow, speed, speed, line.Version + 1, line.Epoch + 1);
    }
}
