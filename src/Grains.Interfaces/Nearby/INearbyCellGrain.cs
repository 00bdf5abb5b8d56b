namespace GridActors.Grains.Interfaces.Nearby;

/// <summary>
/// One square of the county's spatial index (about 100 m a side, keyed by <c>GeoCells</c>), holding the open located
/// cases inside it. A lookup asks the few squares a circle touches, so its cost follows the cases near the point,
/// never the county's. Cases add and remove themselves through their outbox, so both are retried until they land.
/// </summary>
[Alias("GridActors.INearbyCellGrain")]
public interface INearbyCellGrain : IGrainWithStringKey
{
    /// <summary>Holds the case; the same case again changes nothing.</summary>
    [Alias("Track")]
    Task Track(OpenCaseSpot spot);

    /// <summary>Lets the case go; one it does not hold changes nothing.</summary>
    [Alias("Forget")]
    Task Forget(string caseId);

    /// <summary>The open cases of the square, of <paramref name="category"/> when one is given.</summary>
    [Alias("Cases")]
    Task<IReadOnlyList<OpenCaseSpot>> Cases(string? category);
}
