namespace GridActors.Api.Contracts;

/// <summary>The body of <c>POST /api/events/{id}/{action}</c>; which fields an action needs is in docs/ARCHITECTURE.md.</summary>
public sealed record ActionRequest(
    string? WorkerId = null,
    string? DepartmentId = null,
    string? Mode = null,
    bool? Passed = null,
    double? Hours = null,
    string? Note = null,
    string? VolunteerId = null,
    string? Into = null);
