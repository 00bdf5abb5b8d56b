namespace GridActors.Grains.Interfaces.Topology;

/// <summary>A village or community (村/社区); keyed by its topology id.</summary>
[Alias("GridActors.IVillageGrain")]
public interface IVillageGrain : IGrainWithStringKey
{
    /// <summary>Activates every grid and worker of the village and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();
}
