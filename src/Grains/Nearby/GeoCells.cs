using GridActors.Grains.Interfaces;

namespace GridActors.Grains.Nearby;

/// <summary>
/// The squares of the spatial index: a thousandth of a degree each way (111 m north-south, about 101 m east-west at
/// Chengjiang's 24.7°N), and distances on the ground. A circle of radius r touches the squares of its bounding box,
/// at most four for the default 50 m.
/// </summary>
public static class GeoCells
{
    public const double CellDegrees = 0.001;
    private const double EarthRadiusMeters = 6_371_000;
    private const double MetersPerDegreeLat = Math.PI * EarthRadiusMeters / 180;

    public static string KeyOf(GeoPoint point) => Key(Row(point.Lat), Column(point.Lng));

    /// <summary>The keys of every square the circle around <paramref name="centre"/> may reach.</summary>
    public static IReadOnlyList<string> KeysAround(GeoPoint centre, double radiusMeters)
    {
        var latSpan = radiusMeters / MetersPerDegreeLat;
        var lngSpan = radiusMeters / (MetersPerDegreeLat * Math.Cos(centre.Lat * Math.PI / 180));
        var keys = new List<string>();
        for (var row = Row(centre.Lat - latSpan); row <= Row(centre.Lat + latSpan); row++)
        {
            for (var column = Column(centre.Lng - lngSpan); column <= Column(centre.Lng + lngSpan); column++)
            {
                keys.Add(Key(row, column));
            }
        }
        return keys;
    }

    /// <summary>Great-circle distance (haversine): exact enough at a few hundred metres and at any latitude.</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var dLat = (b.Lat - a.Lat) * Math.PI / 180;
        var dLng = (b.Lng - a.Lng) * Math.PI / 180;
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(a.Lat * Math.PI / 180) * Math.Cos(b.Lat * Math.PI / 180) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static long Row(double lat) => (long)Math.Floor(lat / CellDegrees);

    private static long Column(double lng) => (long)Math.Floor(lng / CellDegrees);

    private static string Key(long row, long column) => $"{row}:{column}";
}
