namespace GridActors.Grains.Interfaces.Events;

/// <summary>Where a case stands in the closed loop (受理 → 分拨 → 处置 → 核查 → 结案).</summary>
public enum EventStatus
{
    Reported,
    Accepted,
    Dispatched,
    Grabbing,
    InProgress,
    Resolved,
    Closed,
    Parked,
    Cancelled,

    /// <summary>
    /// A duplicate: the same problem as another open case, which it waits on without a workflow of its own; it
    /// closes (or is cancelled) with that case, or goes back to <see cref="Reported"/> when unmerged.
    /// </summary>
    Merged,
}
