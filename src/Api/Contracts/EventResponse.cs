using System.Text.Json.Serialization;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Contracts;

/// <summary>
/// A case as docs/API.md "Events" shows it; <see cref="Person"/> is masked unless the caller may see it.
/// <see cref="History"/> is left out of an action's answer (null, not written); the case file has it.
/// <see cref="Drill"/> names the drill that filed the case, null for the county's own. <see cref="Alarms"/> counts the
/// device alarms folded into the case (0 for a case no alarm opened); <see cref="AlarmSource"/> is their device, kind,
/// first and last time and snapshots, left out for other cases. <see cref="DuplicateOf"/> is the case a duplicate
/// waits on; <see cref="Duplicates"/> the duplicates that joined this one.
/// </summary>
public sealed record EventResponse(
    string Id,
    string GridId,
    string VillageId,
    string TownshipId,
    string Category,
    string Title,
    string? Description,
    EventStatus Status,
    Priority Priority,
    OperatingMode Mode,
    Party Reporter,
    GeoPoint? Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MediaUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Media,
    PersonInfo? Person,
    Party? Assignee,
    int EscalationLevel,
    bool Overdue,
    int ReworkCount,
    int ExtensionCount,
    int SupervisionCount,
    IReadOnlyList<Deadline> Deadlines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HistoryEntry>? History,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ClosedAt,
    long Version,
    string? Drill,
    int Alarms,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AlarmTally? AlarmSource,
    string? DuplicateOf,
    IReadOnlyList<string> Duplicates)
{
    public static EventResponse From(EventView view, bool unmasked, bool withHistory = true) => new(
        view.Id,
        view.Report.GridId,
        view.Report.VillageId,
        view.Report.TownshipId,
        view.Report.Category,
        view.Report.Title,
        view.Report.Description,
        view.Status,
        view.Priority,
        view.Mode,
        view.Report.Reporter,
        view.Report.Location,
        view.Report.MediaUrl,
        view.Report.Media?.Urls,
        unmasked ? view.Report.Person : Events.PersonalDataMask.Mask(view.Report.Person),
        view.Assignee,
        view.EscalationLevel,
        view.Overdue,
        view.ReworkCount,
        view.ExtensionCount,
        view.SupervisionCount,
        view.Deadlines,
        withHistory ? view.History : null,
        view.ReportedAt,
        view.ClosedAt,
        view.Version,
        view.Report.Drill,
        view.Alarms?.Count ?? 0,
        view.Alarms,
        view.DuplicateOf,
        view.Duplicates ?? []);
}
