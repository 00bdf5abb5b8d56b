namespace GridActors.Grains.ReadModel;

/// <summary>One page of a listing, newest report first, and how many cases match in all.</summary>
public sealed record EventPage(IReadOnlyList<EventSummary> Items, int Total, int Page, int PageSize);
