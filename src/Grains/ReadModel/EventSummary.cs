using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// One case as lists and statistics see it: no personal data, no history. <see cref="Version"/> orders the
/// projections of one case, so a late or repeated one never overwrites a newer row.
/// </summary>
public sealed record EventSummary(
    string Id,
    string GridId,
    string VillageId,
    string TownshipId,
    string Category,
    string Title,
    EventStatus Status,
    Priority Priority,
    Party Reporter,
    Party? Assignee,
    int EscalationLevel,
    bool Overdue,
    int ReworkCount,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ClosedAt,
    long Version,
    int ExtensionCount = 0,
    DateTimeOffset? WholeDueAt = null)
{
    /// <summary>Closed without ever being overdue and before the whole case was due.</summary>
    public bool ClosedOnTime => Status == EventStatus.Closed && !Overdue && ClosedAt <= WholeDueAt;

    public static EventSummary From(EventView view) => new(
        view.Id,
        view.Report.GridId,
        view.Report.VillageId,
        view.Report.TownshipId,
        view.Report.Category,
        view.Report.Title,
        view.Status,
        view.Priority,
        view.Report.Reporter,
        view.Assignee,
        view.EscalationLevel,
        view.Overdue,
        view.ReworkCount,
        view.ReportedAt,
        view.ClosedAt,
        view.Version,
        view.ExtensionCount,
        view.WholeDueAt);
}
