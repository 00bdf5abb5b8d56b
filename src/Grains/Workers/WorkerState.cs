namespace GridActors.Grains.Workers;

/// <summary>
/// Never changed in place: <see cref="WorkerRules"/> make each next state as a copy, and it stands once written.
/// </summary>
[GenerateSerializer, Alias("GridActors.WorkerState")]
public sealed record WorkerState
{
    /// <summary>
    /// Stored as "off" so that the zero value means on duty: a worker who never changed duty starts the
    /// day available, and no write is needed to make them so.
    /// </summary>
    [Id(0)] public bool OffDuty { get; init; }

    [Id(1)] public DateTimeOffset? DutyChangedAt { get; init; }

    /// <summary>Grows with every change the grid must hear of, so it can drop stale reports.</summary>
    [Id(2)] public long Version { get; init; }

    /// <summary>A list, not a read-only type, to keep the stored encoding; a new list for every change.</summary>
    [Id(3)] public List<string> OpenTaskIds { get; init; } = [];

    // Id(4) was Points, never written: a worker's points are its ledger's. Stored states may still carry the
    // field, so the slot is not reused.

    /// <summary>Drill cases the worker holds: apart from <see cref="OpenTaskIds"/>, the worker's real load.</summary>
    [Id(5)] public List<string> DrillTaskIds { get; init; } = [];
}
