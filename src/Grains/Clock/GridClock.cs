namespace GridActors.Grains.Clock;

/// <summary>
/// The one clock of deadlines, timers, the simulation and statistics: real time sped up by
/// <c>Clock:Speed</c>, so a drill or a test can watch a day pass in seconds. It measures elapsed time with
/// the monotonic timestamp of its source, never jumps back, and can be moved forward to continue where a
/// previous process left off. Orleans' own timing (membership, timers) stays on real time.
/// </summary>
public sealed class GridClock : TimeProvider
{
    private readonly TimeProvider _source;
    private readonly Lock _lock = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private DateTimeOffset _last;

    public GridClock(TimeProvider source, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _source = source;
        Speed = speed;
        _anchor = _last = source.GetUtcNow();
        _anchorTimestamp = source.GetTimestamp();
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; private set; }

    /// <summary>
    /// Runs the clock at another speed from now on, without a jump (a drill or the simulation speeding a
    /// demo up). Timers already set wake at their old real delay and re-check the clock then.
    /// </summary>
    public void ChangeSpeed(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        lock (_lock)
        {
            _anchor = GetUtcNow();
            _anchorTimestamp = _source.GetTimestamp();
            Speed = speed;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            var now = _anchor + _source.GetElapsedTime(_anchorTimestamp) * Speed;
            if (now > _last)
            {
                _last = now;
            }
            return _last;
        }
    }

    /// <summary>The slowest and fastest the county clock may run.</summary>
    public const double MinSpeed = 0.01;
    public const double MaxSpeed = 10_000;

    /// <summary>The longest real wait it hands a timer: callers look at the clock again when it fires.</summary>
    public static readonly TimeSpan LongestRealDelay = TimeSpan.FromHours(1);

    /// <summary>How long to wait in real time for <paramref name="simulated"/> to pass on this clock (at most an hour).</summary>
    public TimeSpan RealDelay(TimeSpan simulated)
    {
        if (simulated <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var seconds = simulated.TotalSeconds / Speed;
        return seconds >= LongestRealDelay.TotalSeconds ? LongestRealDelay : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Moves the clock forward to <paramref name="simulated"/> if it is behind it; never back.</summary>
    public void ContinueFrom(DateTimeOffset simulated)
    {
        lock (_lock)
        {
            if (simulated > GetUtcNow())
            {
                _anchor = _last = simulated;
                _anchorTimestamp = _source.GetTimestamp();
            }
        }
    }
}
