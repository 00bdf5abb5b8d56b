namespace GridActors.Grains.Interfaces.Topology;

/// <summary>A village or community (村/社区); keyed by its topology id.</summary>
[Alias("GridActors.IVillageGrain")]
public interface IVillageGrain : IGrainWithStringKey
{
    /// <summary>Activates every grid and worker of the village and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();

    /// <summary>
    /// Assignment one level up, when a grab window passed with no taker: the least-loaded on-duty worker of
    /// any grid of the village, or null when nobody in the village can take it; a <paramref name="drill"/> case
    /// weighs and books drill tasks as the grid's admission does. The pick is booked for <paramref name="caseId"/>.
    /// </summary>
    [Alias("FindFallbackWorker")]
    Task<string?> FindFallbackWorker(string caseId, bool drill);
}
