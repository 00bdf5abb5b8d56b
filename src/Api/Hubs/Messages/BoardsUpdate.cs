using GridActors.Grains.Points;

namespace GridActors.Api.Hubs.Messages;

/// <summary>The scope's red, yellow and black boards for <see cref="Period"/>, recomputed after changes.</summary>
public sealed record BoardsUpdate(string Scope, string Period, IReadOnlyList<RankedEntry> Red, IReadOnlyList<RankedEntry> Yellow, IReadOnlyList<RankedEntry> Black)
{
    public static BoardsUpdate From(string scope, string period, Boards boards) => new(scope, period, boards.Red, boards.Yellow, boards.Black);
}
