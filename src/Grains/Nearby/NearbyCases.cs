using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Nearby;

namespace GridActors.Grains.Nearby;

/// <summary>An open case near a point, with how far it is.</summary>
public sealed record NearbyCase(OpenCaseSpot Spot, double DistanceMeters);

/// <summary>
/// Looks up the open cases around a point in the squares of the spatial index, nearest first: the duplicate check
/// of a new report and the suggestions an app asks for before submitting.
/// </summary>
public sealed class NearbyCases(IGrainFactory grains)
{
    public async Task<IReadOnlyList<NearbyCase>> Around(GeoPoint point, double radiusMeters, string? category)
    {
        var squares = await Task.WhenAll(GeoCells.KeysAround(point, radiusMeters)
            .Select(key => grains.GetGrain<INearbyCellGrain>(key).Cases(category)));
        return [.. squares
            .SelectMany(cases => cases)
            .Select(spot => new NearbyCase(spot, GeoCells.Meters(point, spot.Location)))
            .Where(near => near.DistanceMeters <= radiusMeters)
            .OrderBy(near => near.DistanceMeters)
            .ThenBy(near => near.Spot.ReportedAt)];
    }
}
