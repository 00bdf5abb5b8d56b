using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Deadlines;

/// <summary>A grain a deadline shard can wake.</summary>
[Alias("GridActors.IAlarmTarget")]
public interface IAlarmTarget : IGrainWithStringKey
{
    /// <summary>
    /// A deadline armed with <paramref name="sequence"/> has come. One-way, so the shard never waits on the
    /// targets it wakes while they may be arming it; a target that misses the message is woken again.
    /// </summary>
    [OneWay, Alias("Alarm")]
    Task Alarm(long sequence);
}
