using System.Collections.Concurrent;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// Every attempt's outcome by wall-clock second, so that each injected fault's recovery can be read off
/// afterwards: the time from the fault until the first second in which requests succeeded and none failed.
/// </summary>
public sealed class OutageTimeline
{
    private readonly ConcurrentDictionary<long, Second> _seconds = new();

    public void Succeeded() => _seconds.GetOrAdd(Now(), _ => new Second()).Succeed();

    public void Failed() => _seconds.GetOrAdd(Now(), _ => new Second()).Fail();

    /// <summary>Seconds from the fault until the first clean second after it; null when none came.</summary>
    public double? RecoveryAfter(DateTimeOffset fault)
    {
        var from = fault.ToUnixTimeSeconds();
        var clean = _seconds
            .Where(s => s.Key > from && s.Value.Successes > 0 && s.Value.Failures == 0)
            .Select(s => (long?)s.Key)
            .Min();
        return clean is { } second ? second - fault.ToUnixTimeMilliseconds() / 1000.0 : null;
    }

    /// <summary>
    /// The dip a fault caused: answers a second over the ten seconds before it (the median), and the fewest in
    /// one second of the ten after it.
    /// </summary>
    public (int Before, int Lowest) Dip(DateTimeOffset fault)
    {
        var at = fault.ToUnixTimeSeconds();
        int Answered(long second) => _seconds.TryGetValue(second, out var s) ? s.Successes : 0;
        var before = Enumerable.Range(1, 10).Select(i => Answered(at - i)).Order().ElementAt(5);
        var lowest = Enumerable.Range(1, 10).Min(i => Answered(at + i));
        return (before, lowest);
    }

    /// <summary>Seconds in which at least one attempt failed.</summary>
    public int DisturbedSeconds => _seconds.Count(s => s.Value.Failures > 0);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private sealed class Second
    {
        private int _successes;
        private int _failures;

        public int Successes => Volatile.Read(ref _successes);

        public int Failures => Volatile.Read(ref _failures);

        public void Succeed() => Interlocked.Increment(ref _successes);

        public void Fail() => Interlocked.Increment(ref _failures);
    }
}
