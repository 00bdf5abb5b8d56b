using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Api.Hubs.Messages;

/// <summary>A line of the live feed: a case as it stands now, without personal data or history.</summary>
public sealed record LiveCase(
    string Id,
    string GridId,
    string VillageId,
    string TownshipId,
    string Category,
    string Title,
    EventStatus Status,
    Priority Priority,
    bool Overdue,
    int EscalationLevel,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ClosedAt,
    long Version)
{
    public static LiveCase From(EventSummary summary) => new(
        summary.Id, summary.GridId, summary.VillageId, summary.TownshipId, summary.Category, summary.Title,
        summary.Status, summary.Priority, summary.Overdue, summary.EscalationLevel, summary.ReportedAt,
        summary.ClosedAt, summary.Version);
}
