using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// A filtered, paged listing. Every filter is optional and they combine with AND; <see cref="Assignee"/> and
/// <see cref="Reporter"/> are how departments and citizens are kept to their own cases. <see cref="Cases"/> keeps
/// drill cases out unless a drill view is asked for. <see cref="Ids"/>, <see cref="Categories"/> and
/// <see cref="IsOpen"/> are Open311's filters: any of several ids or categories, and open against closed.
/// <see cref="AssigneeKind"/> keeps the cases held by one kind of handler (a worker, a volunteer, a department);
/// <see cref="Priority"/> the cases of one priority (a volunteer's list of chores it may take).
/// </summary>
public sealed record EventQuery(
    string? TownshipId = null,
    string? VillageId = null,
    string? GridId = null,
    EventStatus? Status = null,
    string? Category = null,
    bool? Overdue = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Party? Assignee = null,
    Party? Reporter = null,
    int Page = 1,
    int PageSize = 50,
    CaseSet Cases = default,
    IReadOnlyList<string>? Ids = null,
    IReadOnlyList<string>? Categories = null,
    bool? IsOpen = null,
    string? AssigneeKind = null,
    Priority? Priority = null)
{
    public bool Matches(EventSummary e) =>
        (TownshipId is null || e.TownshipId == TownshipId)
        && (VillageId is null || e.VillageId == VillageId)
        && (GridId is null || e.GridId == GridId)
        && (Status is null || e.Status == Status)
        && (Category is null || e.Category == Category)
        && (Overdue is null || e.Overdue == Overdue)
        && (From is null || e.ReportedAt >= From)
        && (To is null || e.ReportedAt < To)
        && (Assignee is null || e.Assignee == Assignee)
        && (Reporter is null || e.Reporter == Reporter)
        && (Ids is null || Ids.Contains(e.Id))
        && (Categories is null || Categories.Contains(e.Category))
        && (IsOpen is null || e.IsOpen == IsOpen)
        && (AssigneeKind is null || e.Assignee?.Kind == AssigneeKind)
        && (Priority is null || e.Priority == Priority)
        && Cases.Matches(e.Drill);
}
