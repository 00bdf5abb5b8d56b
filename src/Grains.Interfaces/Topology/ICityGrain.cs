namespace GridActors.Grains.Interfaces.Topology;

/// <summary>The county (市) at the top of the hierarchy; keyed by the city id of the topology.</summary>
[Alias("GridActors.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>Activates every township, village, grid and worker below the city and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();
}
