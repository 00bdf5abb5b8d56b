using GridActors.Grains.ReadModel;

namespace GridActors.Api.Contracts;

/// <summary>A page of <c>GET /api/events</c>, straight from the read model.</summary>
public sealed record EventListResponse(IReadOnlyList<EventSummary> Items, int Total, int Page, int PageSize);
