namespace GridActors.LoadTest.Storm;

/// <summary>What <c>GET /api/events/{id}</c> says of a case the storm opened: the part the check compares.</summary>
public sealed record StormCase(string Id, string Status, int Alarms, string? DeviceId, string? Kind)
{
    /// <summary>A case in any of these is still open, and so still folds its device's alarms of its kind.</summary>
    public static IReadOnlySet<string> OpenStatuses { get; } =
        new HashSet<string>(["reported", "accepted", "dispatched", "grabbing", "in_progress", "resolved", "parked"]);

    public bool IsOpen => OpenStatuses.Contains(Status);
}
