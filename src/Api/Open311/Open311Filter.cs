using System.Globalization;
using GridActors.Grains.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Open311;

/// <summary>
/// The arguments of <c>GET requests</c> as sent, in the specification's names; lists are comma-separated (a
/// repeated argument reads as one list too). Parsed by <see cref="Open311Filter"/>, so that a bad one is an
/// Open311 error and not a binding failure.
/// </summary>
public sealed record Open311RequestsQuery(
    [FromQuery(Name = "api_key")] string? ApiKey = null,
    [FromQuery(Name = "jurisdiction_id")] string? JurisdictionId = null,
    [FromQuery(Name = "service_request_id")] string? ServiceRequestId = null,
    [FromQuery(Name = "service_code")] string? ServiceCode = null,
    [FromQuery(Name = "start_date")] string? StartDate = null,
    [FromQuery(Name = "end_date")] string? EndDate = null,
    [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "page")] string? Page = null,
    [FromQuery(Name = "page_size")] string? PageSize = null);

/// <summary>
/// The query of <c>GET requests</c> as a read-model query, or what is wrong with it and the status that says so: 404
/// for a jurisdiction or service this endpoint does not know, as the specification has it, else 400.
/// </summary>
public sealed record Open311Filter(EventQuery? Query, IReadOnlyList<string> Errors, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>With no dates, GeoReport v2 answers the last 90 days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;
    public const int MaxIds = 200;
    public const int MaxPage = 100_000;

    /// <summary>
    /// GeoReport v2's arguments — <c>service_request_id</c> (several, comma-separated, which overrides the others),
    /// <c>service_code</c> (several), <c>start_date</c>, <c>end_date</c>, <c>status</c> (open, closed or both) — and
    /// the paging that Chicago's and other Open311 servers add: <c>page</c> from 1 and <c>page_size</c>.
    /// </summary>
    public static Open311Filter Parse(Open311RequestsQuery query, DateTimeOffset now, Func<string, bool> isServiceCode, string jurisdiction)
    {
        if (query.JurisdictionId is { Length: > 0 } asked && asked != jurisdiction)
        {
            return NotFound($"jurisdiction_id '{asked}' is not served here; this endpoint serves '{jurisdiction}'.");
        }
        var codes = List(query.ServiceCode);
        if (codes?.FirstOrDefault(c => !isServiceCode(c)) is { } unknown)
        {
            return NotFound($"service_code '{unknown}' is not a service of this jurisdiction; GET services lists them.");
        }
        var errors = new List<string>();
        var page = Number("page", query.Page, 1, MaxPage, 1, errors);
        var pageSize = Number("page_size", query.PageSize, 1, MaxPageSize, DefaultPageSize, errors);
        if (List(query.ServiceRequestId) is { } ids)
        {
            if (ids.Count > MaxIds)
            {
                errors.Add($"service_request_id names at most {MaxIds} requests.");
            }
            // The ids name what is wanted: one page holds them all, whatever page_size says.
            return errors.Count > 0 ? new(null, errors) : new(new EventQuery(Ids: ids, PageSize: MaxIds), errors);
        }

        var isOpen = Openness(List(query.Status), errors);
        var end = Date("end_date", query.EndDate, errors);
        var start = Date("start_date", query.StartDate, errors) ?? WindowBefore(end ?? now);
        if (end is not null && start >= end)
        {
            errors.Add("start_date must be earlier than end_date.");
        }
        return errors.Count > 0
            ? new(null, errors)
            : new(new EventQuery(From: start, To: end, Categories: codes, IsOpen: isOpen, Page: page, PageSize: pageSize), errors);
    }

    private static Open311Filter NotFound(string error) => new(null, [error], StatusCodes.Status404NotFound);

    private static DateTimeOffset WindowBefore(DateTimeOffset end) =>
        end - DateTimeOffset.MinValue > DefaultWindow ? end - DefaultWindow : DateTimeOffset.MinValue;

    private static List<string>? List(string? values)
    {
        var items = (values ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>open → the open ones, closed → the closed ones, both or neither → all.</summary>
    private static bool? Openness(List<string>? statuses, List<string> errors)
    {
        foreach (var status in statuses?.Where(s => s is not (Open311Requests.Open or Open311Requests.Closed)) ?? [])
        {
            errors.Add($"status '{status}' is not open or closed.");
        }
        return statuses switch
        {
            null => null,
            _ when statuses.Contains(Open311Requests.Open) && statuses.Contains(Open311Requests.Closed) => null,
            _ => statuses.Contains(Open311Requests.Open) ? true : statuses.Contains(Open311Requests.Closed) ? false : null,
        };
    }

    /// <summary>An ISO 8601 time that says its offset, as the specification requires.</summary>
    private static DateTimeOffset? Date(string name, string? text, List<string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add($"{name} is an ISO 8601 time with its offset, such as 2022-11-16T08:00:00Z or 2022-11-16T16:00:00+08:00.");
            return null;
        }
        return at;
    }

    private static int Number(string name, string? text, int min, int max, int fallback, List<string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add($"{name} is a whole number from {min} to {max}.");
            return fallback;
        }
        return value;
    }
}
