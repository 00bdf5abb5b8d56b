namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// The whole case file as the event grain holds it (personal data unmasked: mask at the edge).
/// <see cref="Priority"/> is the one the clock runs on: the report's, raised for emergency categories in
/// emergency mode.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.EventView")]
public sealed record EventView(
    [property: Id(0)] string Id,
    [property: Id(1)] ReportDraft Report,
    [property: Id(2)] EventStatus Status,
    [property: Id(3)] Party? Assignee,
    [property: Id(4)] int EscalationLevel,
    [property: Id(5)] bool Overdue,
    [property: Id(6)] int ReworkCount,
    [property: Id(7)] int ExtensionCount,
    [property: Id(8)] int SupervisionCount,
    [property: Id(9)] IReadOnlyList<Deadline> Deadlines,
    [property: Id(10)] IReadOnlyList<HistoryEntry> History,
    [property: Id(11)] DateTimeOffset ReportedAt,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] long Version,
    [property: Id(14)] OperatingMode Mode,
    [property: Id(15)] Priority Priority,
    [property: Id(16)] DateTimeOffset? WholeDueAt,
    [property: Id(17)] Devices.AlarmTally? Alarms = null,
    [property: Id(18)] string? DuplicateOf = null,
    [property: Id(19)] IReadOnlyList<string>? Duplicates = null);
