using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Deadlines;

/// <summary>
/// The open deadlines of one grid's cases and visits, stored one entry per target, so that deadlines survive
/// deactivation and restarts without a reminder per case: the shard owns one reminder as a watchdog while it has
/// anything armed, and a grain timer for the earliest deadline while it is active. Keyed by grid id.
/// </summary>
/// <remarks>
/// A case writes its own entry in the same commit as its state, then tells the shard with <see cref="Track"/>;
/// a key-person register has the shard store it with <see cref="Arm"/> and <see cref="Disarm"/>.
/// </remarks>
[Alias("GridActors.IDeadlineGrain")]
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores and sets the target's next deadline, replacing any earlier one; durable before it returns.
    /// Interleaved, so that arms arriving together wait for their stores side by side rather than in a queue.
    /// </summary>
    [AlwaysInterleave, Alias("Arm")]
    Task Arm(ArmedDeadline deadline);

    /// <summary>Forgets and removes the target's deadline; durable before it returns. Interleaved like <see cref="Arm"/>.</summary>
    [AlwaysInterleave, Alias("Disarm")]
    Task Disarm(AlarmTarget target);

    /// <summary>
    /// Learns a deadline the target has already stored (<paramref name="deadline"/>), or that it has none
    /// (null), as of the target's schedule <paramref name="sequence"/>; an older sequence than the one held is
    /// ignored, so a repeated or late notice changes nothing.
    /// </summary>
    [AlwaysInterleave, Alias("Track")]
    Task Track(AlarmTarget target, long sequence, ArmedDeadline? deadline);

    /// <summary>The target does not exist: its entry is removed from memory and storage.</summary>
    [AlwaysInterleave, Alias("Forget")]
    Task Forget(AlarmTarget target);

    [Alias("GetArmed")]
    Task<IReadOnlyList<ArmedDeadline>> GetArmed();

    /// <summary>Wakes every target whose deadline has come; what the timer and the watchdog call.</summary>
    [Alias("Tick")]
    Task Tick();
}
