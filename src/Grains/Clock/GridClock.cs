using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Clock;

/// <summary>
/// The one clock of deadlines, timers, the simulation and statistics: real time sped up, so a drill or a test
/// can watch a day pass in seconds. It follows the county's <see cref="ClockSettings"/>, which the clock grain
/// holds for the whole cluster, and derives the time from the wall clock rather than the process's monotonic
/// timestamp: the timestamp has a different origin in every process, the wall clock is the one base that the
/// silos (kept in step by NTP) share, so two silos read the same county time. Once read, it never goes back:
/// a wall clock stepped back, or a new line behind what it has shown, holds it until the county catches up —
/// unless the line starts a new epoch (<see cref="ClockSettings.Epoch"/>), when the county was set to another time.
/// Orleans' own timing (membership, timers) stays on real time.
/// </summary>
public sealed class GridClock : TimeProvider
{
    private readonly TimeProvider _source;
    private readonly Lock _lock = new();
    private ClockSettings _line;
    private readonly List<ClockSettings> _earlierLines = [];
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>A clock of its own at <paramref name="speed"/> until it follows the county's (<see cref="Follow"/>).</summary>
    public GridClock(TimeProvider source, double speed)
    {
        _source = source;
        _line = CountyTime.Start(source.GetUtcNow(), checkpoint: null, speed, version: 0);
    }

    /// <summary>The line this clock follows.</summary>
    public ClockSettings Settings
    {
        get
        {
            lock (_lock)
            {
                return _line;
            }
        }
    }

    /// <summary>Simulated seconds per real second: the county's speed, from its switch on when a change is under way.</summary>
    public double Speed => Settings.Speed;

    /// <summary>The real (wall-clock) time the county clock is derived from.</summary>
    public DateTimeOffset RealNow() => _source.GetUtcNow();

    /// <summary>
    /// How far back <see cref="At"/> reads every instant by the line that ran then. A line only knows the speed
    /// before its own switch, so two changes close together would otherwise read the older stretch at the wrong
    /// speed; the lines replaced are kept until their last instant is this long ago.
    /// </summary>
    public static readonly TimeSpan RememberedPast = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What the county clock read at the real instant <paramref name="realInstant"/>: by the line that ran then,
    /// for instants up to <see cref="RememberedPast"/> ago. Unlike <see cref="GetUtcNow"/>, not held back.
    /// </summary>
    public DateTimeOffset At(DateTimeOffset realInstant)
    {
        lock (_lock)
        {
            var line = _line;
            for (var i = _earlierLines.Count - 1; i >= 0 && line.AnchorReal > realInstant; i--)
            {
                line = _earlierLines[i];
            }
            return CountyTime.At(line, realInstant);
        }
    }

    /// <summary>Follows <paramref name="line"/> if it is newer than the one followed; whether it was.</summary>
    public bool Follow(ClockSettings line)
    {
        lock (_lock)
        {
            if (line.Version <= _line.Version)
            {
                return false;
            }
            // The county ran the line followed until the new one's switch, or until the switch of a version this silo
            // missed between them (a poll lost): then the stretch between the two switches, under a poll interval,
            // is read at the older speed, and everything before it exactly. Version 0 is this silo's own line from
            // before it joined, which the county never ran.
            if (line.Epoch > _line.Epoch)
            {
                // The county was set to another time: nothing read on the old epoch holds the new one back.
                _earlierLines.Clear();
                _last = DateTimeOffset.MinValue;
            }
            else if (_line.Version > 0)
            {
                _earlierLines.Add(_line);
            }
            _line = line;
            ForgetLinesEndedBefore(_source.GetUtcNow() - RememberedPast);
            return true;
        }
    }

    /// <summary>Each earlier line ran until the switch of the one after it.</summary>
    private void ForgetLinesEndedBefore(DateTimeOffset realInstant)
    {
        var ended = 0;
        while (ended < _earlierLines.Count
            && (ended + 1 < _earlierLines.Count ? _earlierLines[ended + 1] : _line).AnchorReal < realInstant)
        {
            ended++;
        }
        _earlierLines.RemoveRange(0, ended);
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return Now();
        }
    }

    /// <summary>
    /// The slowest and fastest the county clock may run. At the fastest, a simulated day passes in under a second,
    /// so the report's fifteen months play in about seven minutes when the cluster keeps up (docs/CALIBRATION.md).
    /// </summary>
    public const double MinSpeed = 0.01;
    public const double MaxSpeed = 100_000;

    /// <summary>The longest real wait it hands a timer: callers look at the clock again when it fires.</summary>
    public static readonly TimeSpan LongestRealDelay = TimeSpan.FromHours(1);

    /// <summary>How long to wait in real time for <paramref name="simulated"/> to pass on this clock (at most an hour).</summary>
    public TimeSpan RealDelay(TimeSpan simulated)
    {
        if (simulated <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        TimeSpan real;
        lock (_lock)
        {
            real = CountyTime.RealDuration(_line, Now(), simulated);
        }
        return real >= LongestRealDelay ? LongestRealDelay : real;
    }

    private DateTimeOffset Now()
    {
        var now = CountyTime.At(_line, _source.GetUtcNow());
        if (now > _last)
        {
            _last = now;
        }
        return _last;
    }
}
