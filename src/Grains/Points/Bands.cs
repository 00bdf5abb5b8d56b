namespace GridActors.Grains.Points;

/// <summary>One ranked participant or area.</summary>
public sealed record RankedEntry(string Id, string Name, double Score);

/// <summary>The red, yellow and black boards (红黄黑榜).</summary>
public sealed record Boards(IReadOnlyList<RankedEntry> Red, IReadOnlyList<RankedEntry> Yellow, IReadOnlyList<RankedEntry> Black);

/// <summary>
/// Splits a ranking into boards: red is the top share, black the bottom share, yellow the warning band just
/// above black. Each board holds at least one entry when there are three or more; ties keep id order.
/// </summary>
public static class Bands
{
    public static Boards Split(IEnumerable<RankedEntry> entries, double share)
    {
        var ranked = entries.OrderByDescending(e => e.Score).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (ranked.Count < 3)
        {
            return new Boards(ranked.Take(1).ToList(), [], ranked.Skip(1).ToList());
        }
        var size = Math.Max(1, (int)Math.Floor(ranked.Count * share));
        var red = ranked.Take(size).ToList();
        var black = ranked.TakeLast(size).ToList();
        var yellow = ranked.Skip(ranked.Count - 2 * size).Take(size).Except(red).ToList();
        return new Boards(red, yellow, black);
    }
}
