using GridActors.Api.Events;
using GridActors.Grains.Drills;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Contracts;

/// <summary>
/// The query string of <c>GET /api/events</c>. Types are checked by binding; ranges and names here. Without
/// <see cref="Drill"/> the county's own cases are listed; with it, only that drill's. Each parameter names its
/// query key, since [AsParameters] would otherwise describe it by its C# name (<c>Township</c>); JSON is camelCase
/// and so is the query.
/// </summary>
public sealed record EventListFilter(
    [FromQuery(Name = "township")] string? Township,
    [FromQuery(Name = "village")] string? Village,
    [FromQuery(Name = "grid")] string? Grid,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "drill")] string? Drill,
    [FromQuery(Name = "assigneeKind")] string? AssigneeKind = null,
    [FromQuery(Name = "mine")] bool? Mine = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The kinds of handler a case can be with.</summary>
    public static IReadOnlyList<string> AssigneeKinds { get; } = [PartyKinds.Worker, PartyKinds.Volunteer, PartyKinds.Department];

    /// <summary>The read-model query, or null when a value is out of range (see <see cref="Errors"/>).</summary>
    public EventQuery? ToQuery() => Errors().Count > 0
        ? null
        : new EventQuery(Township, Village, Grid, ParseStatus(Status), Category, Overdue, From, To,
            Page: Page ?? 1, PageSize: PageSize ?? DefaultPageSize, Cases: CaseSet.Of(Drill), AssigneeKind: AssigneeKind);

    public Dictionary<string, string[]> Errors()
    {
        var errors = new ValidationErrors();
        if (Status is not null && ParseStatus(Status) is null)
        {
            errors.Add("status", $"status must be one of: {string.Join(", ", StatusNames.Keys)}.");
        }
        if (AssigneeKind is not null && !AssigneeKinds.Contains(AssigneeKind))
        {
            errors.Add("assigneeKind", $"assigneeKind must be one of: {string.Join(", ", AssigneeKinds)}.");
        }
        if (Page is < 1)
        {
            errors.Add("page", "page counts from 1.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }
        if (Drill is not null && !DrillIds.IsValid(Drill))
        {
            errors.Add("drill", DrillIds.Invalid);
        }
        if (From is not null && To is not null && From >= To)
        {
            errors.Add("to", "to must be later than from.");
        }
        return errors.ToDictionary();
    }

    /// <summary>Statuses by the names the API writes them with (snake_case).</summary>
    public static IReadOnlyDictionary<string, EventStatus> StatusNames { get; } =
        Enum.GetValues<EventStatus>().ToDictionary(s => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()));

    private static EventStatus? ParseStatus(string? status) =>
        status is not null && StatusNames.TryGetValue(status, out var parsed) ? parsed : null;
}
