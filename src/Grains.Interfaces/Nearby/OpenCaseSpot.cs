namespace GridActors.Grains.Interfaces.Nearby;

/// <summary>An open case with a location, as the spatial index holds it: enough to tell a duplicate and to suggest it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.OpenCaseSpot")]
public sealed record OpenCaseSpot(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Category,
    [property: Id(2)] string Title,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] DateTimeOffset ReportedAt,
    [property: Id(5)] string TownshipId);
