using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Contracts;

/// <summary>The query of <c>GET /api/events/nearby</c>: a point, optionally a category and a radius in metres.</summary>
public sealed record NearbyFilter(
    [FromQuery(Name = "lat")] double? Lat,
    [FromQuery(Name = "lng")] double? Lng,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "radius")] double? Radius);

/// <summary>An open case near the point asked about, nearest first.</summary>
public sealed record NearbyEvent(
    string Id, string Category, string Title, Grains.Interfaces.GeoPoint Location, double DistanceMeters, DateTimeOffset ReportedAt);

public sealed record NearbyResponse(IReadOnlyList<NearbyEvent> Items, double RadiusMeters);
