namespace GridActors.Grains.Interfaces.Topology;

/// <summary>How many grains of each level a part of the county brought to life when it was opened.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CountyCounts")]
public sealed record CountyCounts(
    [property: Id(0)] int Townships,
    [property: Id(1)] int Villages,
    [property: Id(2)] int Grids,
    [property: Id(3)] int Workers)
{
    public static CountyCounts Zero { get; } = new(0, 0, 0, 0);

    public static CountyCounts Sum(IEnumerable<CountyCounts> parts) =>
        parts.Aggregate(Zero, (total, part) => new CountyCounts(
            total.Townships + part.Townships,
            total.Villages + part.Villages,
            total.Grids + part.Grids,
            total.Workers + part.Workers));
}
