namespace GridActors.LoadTest.Cases;

/// <summary>A row of <c>GET /api/events</c>: enough to tell a drill's case, its report and whether it is closed.</summary>
public sealed record ListedCase(string Id, string Title, string Status, string? Drill);
