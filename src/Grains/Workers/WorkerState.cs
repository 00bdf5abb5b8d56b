namespace GridActors.Grains.Workers;

[GenerateSerializer, Alias("GridActors.WorkerState")]
public sealed class WorkerState
{
    /// <summary>
    /// Stored as "off" so that the zero value means on duty: a worker who never changed duty starts the
    /// day available, and no write is needed to make them so.
    /// </summary>
    [Id(0)] public bool OffDuty { get; set; }

    [Id(1)] public DateTimeOffset? DutyChangedAt { get; set; }

    /// <summary>Grows with every change the grid must hear of, so it can drop stale reports.</summary>
    [Id(2)] public long Version { get; set; }

    [Id(3)] public List<string> OpenTaskIds { get; set; } = [];

    [Id(4)] public int Points { get; set; }
}
