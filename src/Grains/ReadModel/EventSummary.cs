using System.Text.Json.Serialization;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// One case as lists and statistics see it: no personal data, no history. <see cref="Version"/> orders the
/// projections of one case, so a late or repeated one never overwrites a newer row. It is also what a case
/// publishes to live dashboards, which is why it is serializable. <see cref="Drill"/> is the drill that filed it,
/// null for the county's own cases.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.EventSummary")]
public sealed record EventSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string GridId,
    [property: Id(2)] string VillageId,
    [property: Id(3)] string TownshipId,
    [property: Id(4)] string Category,
    [property: Id(5)] string Title,
    [property: Id(6)] EventStatus Status,
    [property: Id(7)] Priority Priority,
    [property: Id(8)] Party Reporter,
    [property: Id(9)] Party? Assignee,
    [property: Id(10)] int EscalationLevel,
    [property: Id(11)] bool Overdue,
    [property: Id(12)] int ReworkCount,
    [property: Id(13)] DateTimeOffset ReportedAt,
    [property: Id(14)] DateTimeOffset? ClosedAt,
    [property: Id(15)] long Version,
    [property: Id(16)] int ExtensionCount = 0,
    [property: Id(17)] DateTimeOffset? WholeDueAt = null,
    [property: Id(18)] DateTimeOffset? FinishedAt = null,
    [property: Id(19)] string? Drill = null)
{
    /// <summary>Still to be finished: neither closed nor cancelled (parked cases are open).</summary>
    public bool IsOpen => Status is not (EventStatus.Closed or EventStatus.Cancelled);

    /// <summary>Part of the day that starts at <paramref name="dayStart"/>: open, or reported or closed since then.</summary>
    public bool IsCurrent(DateTimeOffset dayStart) => IsOpen || ReportedAt >= dayStart || ClosedAt >= dayStart;

    /// <summary>
    /// When it was closed or cancelled, null while open, as the read model files it. A finished summary from
    /// before cases said so (<see cref="FinishedAt"/> missing) gives its closure, or else its report. Clients see
    /// <see cref="FinishedAt"/> itself.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? FinishedTime => IsOpen ? null : FinishedAt ?? ClosedAt ?? ReportedAt;

    /// <summary>Closed without ever being overdue and before the whole case was due.</summary>
    public bool ClosedOnTime => Status == EventStatus.Closed && !Overdue && ClosedAt <= WholeDueAt;
}
