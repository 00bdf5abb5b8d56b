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
}
