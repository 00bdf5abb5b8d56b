namespace GridActors.Grains.Topology;

/// <summary>
/// Which grids share a border, from their bounding boxes: two grids are neighbours when an edge of one lies
/// on an edge of the other for a stretch (touching at a corner only does not count). Grabbing opens a case
/// to the workers of the grid and of its neighbours.
/// </summary>
public static class GridNeighbours
{
    private const double Tolerance = 1e-9;

    public static Dictionary<string, HashSet<string>> Compute(IReadOnlyList<GridNode> grids)
    {
        var boxes = grids.Select(g => (g.Id, Box: Bounds.Around(g.Polygon))).ToArray();
        var neighbours = boxes.ToDictionary(b => b.Id, _ => new HashSet<string>());
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                if (ShareAnEdge(boxes[i].Box, boxes[j].Box))
                {
                    neighbours[boxes[i].Id].Add(boxes[j].Id);
                    neighbours[boxes[j].Id].Add(boxes[i].Id);
                }
            }
        }
        return neighbours;
    }

    public static bool ShareAnEdge(Bounds a, Bounds b)
    {
        var latOverlap = Math.Min(a.North, b.North) - Math.Max(a.South, b.South);
        var lngOverlap = Math.Min(a.East, b.East) - Math.Max(a.West, b.West);
        var sideBySide = (Near(a.East, b.West) || Near(b.East, a.West)) && latOverlap > Tolerance;
        var stacked = (Near(a.North, b.South) || Near(b.North, a.South)) && lngOverlap > Tolerance;
        return sideBySide || stacked;
    }

    private static bool Near(double x, double y) => Math.Abs(x - y) < Tolerance;
}
