using GridActors.Grains.Interfaces;

namespace GridActors.Grains.Topology;

/// <summary>
/// Resolves a position to the grid whose polygon contains it. Each polygon's bounding box is checked
/// first, so the exact ray-casting test runs for the handful of grids near the point only.
/// </summary>
public sealed class GridLocator
{
    private readonly (Bounds Box, GridNode Grid)[] _grids;

    public GridLocator(IEnumerable<GridNode> grids) =>
        _grids = [.. grids.Select(grid => (Bounds.Around(grid.Polygon), grid))];

    public GridNode? Locate(GeoPoint point)
    {
        foreach (var (box, grid) in _grids)
        {
            if (box.Contains(point) && PolygonContains(grid.Polygon, point))
            {
                return grid;
            }
        }
        return null;
    }

    /// <summary>
    /// Even-odd ray casting. It treats a polygon as closed on its south and west edges and open on its north
    /// and east edges, so a point on the border between two grids belongs to exactly one of them.
    /// </summary>
    public static bool PolygonContains(IReadOnlyList<GeoPoint> polygon, GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var a = polygon[i];
            var b = polygon[j];
            if ((a.Lat > point.Lat) != (b.Lat > point.Lat))
            {
                var crossingLng = (b.Lng - a.Lng) * (point.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lng;
                if (point.Lng < crossingLng)
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
