namespace GridActors.Api.Contracts;

/// <summary>
/// One item's answer in <c>POST /api/events/batch</c>, in the order sent: the status a single POST would have
/// given (201, 200, 400, 403, 409), the case when there is one, and the problem when there is not.
/// </summary>
public sealed record BatchItemResult(
    string? RequestId,
    int Status,
    string? Id = null,
    EventResponse? Event = null,
    string? Detail = null,
    IDictionary<string, string[]>? Errors = null);
