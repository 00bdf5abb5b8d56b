using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Deadlines;

/// <summary>
/// The open deadlines of one grid's cases and visits, stored one entry per target, so that deadlines survive deactivation and
/// restarts without a reminder per case: the shard owns one reminder as a watchdog while it has anything
/// armed, and a grain timer for the earliest deadline while it is active. Keyed by grid id.
/// </summary>
[Alias("GridActors.IDeadlineGrain")]
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the target's next deadline, replacing any earlier one; durable before it returns. Interleaved, so
    /// that arms arriving together wait for their stores side by side rather than in a queue.
    /// </summary>
    [AlwaysInterleave, Alias("Arm")]
    Task Arm(ArmedDeadline deadline);

    /// <summary>Forgets the target's deadline; durable before it returns. Interleaved like <see cref="Arm"/>.</summary>
    [AlwaysInterleave, Alias("Disarm")]
    Task Disarm(AlarmTarget target);

    [Alias("GetArmed")]
    Task<IReadOnlyList<ArmedDeadline>> GetArmed();

    /// <summary>Wakes every target whose deadline has come; what the timer and the watchdog call.</summary>
    [Alias("Tick")]
    Task Tick();
}
