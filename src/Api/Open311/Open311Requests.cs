using System.Text.Json;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>
/// A case as an Open311 service request. Open311 knows two statuses: a case is <c>closed</c> once closed or
/// cancelled, <c>open</c> before (parked included, as it is still to be handled). Personal data never appears: the
/// specification has no field for it. The place is the reported point, or the grid's centre when the report had
/// none; <c>address_id</c> is the grid id, <c>address</c> the township, village and grid by name.
/// </summary>
public sealed class Open311Requests(CountyTopology topology, Open311Catalogue catalogue)
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static bool IsClosed(EventStatus status) => status is EventStatus.Closed or EventStatus.Cancelled;

    public Open311Document List(IEnumerable<EventView> cases) =>
        new("service_requests", new Open311List("request", [.. cases.Select(Request)]));

    /// <summary>
    /// The answer to a POST: the new request's id, what happens next, and the client's own account id. No token: the
    /// specification gives one only where there is no id yet, and the request is filed before this answer.
    /// </summary>
    public Open311Document Created(EventView created, string? accountId) =>
        new("service_requests", new Open311List("request",
        [
            new Open311Object(
                new Open311Field("service_request_id", created.Id),
                new Open311Field("service_notice", NoticeOf(created)),
                new Open311Field("account_id", accountId)),
        ]));

    /// <summary>The answer to <c>GET tokens/{token}</c>: the request a token stands for.</summary>
    public static Open311Document Token(string requestId, string token) =>
        new("service_requests", new Open311List("request",
            [new Open311Object(new Open311Field("service_request_id", requestId), new Open311Field("token", token))]));

    private Open311Object Request(EventView view)
    {
        var grid = topology.FindGrid(view.Report.GridId);
        var category = topology.FindCategory(view.Report.Category);
        var point = view.Report.Location ?? grid?.Grid.Centroid;
        var last = view.History.Count > 0 ? view.History[^1] : null;
        return new Open311Object(
            new Open311Field("service_request_id", view.Id),
            new Open311Field("status", IsClosed(view.Status) ? Closed : Open),
            new Open311Field("status_notes", StatusNotes(view, last)),
            new Open311Field("service_name", category?.Name),
            new Open311Field("service_code", view.Report.Category),
            new Open311Field("description", view.Report.Description ?? view.Report.Title),
            new Open311Field("agency_responsible", AgencyOf(view, grid)),
            new Open311Field("service_notice", null),
            new Open311Field("requested_datetime", view.ReportedAt),
            new Open311Field("updated_datetime", last?.At ?? view.ReportedAt),
            new Open311Field("expected_datetime", IsClosed(view.Status) ? null : view.WholeDueAt),
            new Open311Field("address", grid is null ? null : $"{grid.Township.Name}{grid.Village.Name}{grid.Grid.Name}"),
            new Open311Field("address_id", view.Report.GridId),
            new Open311Field("zipcode", null),
            new Open311Field("lat", point?.Lat),
            new Open311Field("long", point?.Lng),
            new Open311Field("media_url", view.Report.MediaUrl));
    }

    /// <summary>Where the case stands, in the words of the loop: its status and the last step's note.</summary>
    private static string StatusNotes(EventView view, HistoryEntry? last)
    {
        var status = JsonNamingPolicy.SnakeCaseLower.ConvertName(view.Status.ToString());
        return last?.Note is { Length: > 0 } note ? $"{status}: {note}" : status;
    }

    /// <summary>
    /// The department handling the case (its assignee, or its category's owner), else the grid's volunteers when one
    /// of them holds it, else the grid's workers.
    /// </summary>
    private string? AgencyOf(EventView view, GridPlace? grid) =>
        view.Assignee is { Kind: PartyKinds.Department, Id: var department }
            ? topology.FindDepartment(department)?.Name ?? department
            : catalogue.OwnerOf(view.Report.Category)?.Name
                ?? (grid is null ? null : view.Assignee?.Kind == PartyKinds.Volunteer ? $"{grid.Grid.Name}网格志愿者" : $"{grid.Grid.Name}网格员");

    private string NoticeOf(EventView created)
    {
        var handler = AgencyOf(created, topology.FindGrid(created.Report.GridId));
        var due = created.WholeDueAt is { } at ? $"，应于 {at.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'} 前办结" : "";
        return $"已受理，由{handler}办理{due}。";
    }
}
