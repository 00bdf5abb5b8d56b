namespace GridActors.Grains.Interfaces.Topology;

/// <summary>A township or subdistrict (镇/街道); keyed by its topology id.</summary>
[Alias("GridActors.ITownshipGrain")]
public interface ITownshipGrain : IGrainWithStringKey
{
    /// <summary>Activates every village, grid and worker of the township and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();
}
