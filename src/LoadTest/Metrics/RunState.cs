namespace GridActors.LoadTest.Metrics;

/// <summary>
/// What the event drill has done so far, counted from every lane without locks: the sampler, the live display
/// and the report read it. <see cref="Phase"/> names what the drill is doing now.
/// </summary>
public sealed class RunState(int planned)
{
    private long _reported;
    private long _closed;
    private long _errors;
    private volatile string _phase = "starting";

    public int Planned => planned;

    public LatencyMeters Meters { get; } = new();

    public string Phase { get => _phase; set => _phase = value; }

    public long Reported => Interlocked.Read(ref _reported);

    public long Closed => Interlocked.Read(ref _closed);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Acknowledged and not yet closed.</summary>
    public long Open => Reported - Closed;

    /// <summary>The first failures, as they happened, so a report says what went wrong and not only how often.</summary>
    public FailureLog Failures { get; } = new();

    public void Acknowledged(int count = 1) => Interlocked.Add(ref _reported, count);

    public void ClosedOne() => Interlocked.Increment(ref _closed);

    public void Failed(string what)
    {
        Interlocked.Increment(ref _errors);
        Failures.Add(what);
    }
}
