using GridActors.Grains.Interfaces.Events;
using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>A township or subdistrict (镇/街道); keyed by its topology id.</summary>
[Alias("GridActors.ITownshipGrain")]
public interface ITownshipGrain : IGrainWithStringKey
{
    /// <summary>Activates every village, grid and worker of the township and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();

    /// <summary>
    /// The township's effective mode. Interleaved: grids ask it while activating, which can happen while the
    /// township itself is waiting on them during start-up.
    /// </summary>
    [AlwaysInterleave, Alias("GetEffectiveMode")]
    Task<OperatingMode> GetEffectiveMode();

    /// <summary>The city recorded a switch that changes this township's effective mode.</summary>
    [Alias("EffectiveModeChanged")]
    Task EffectiveModeChanged(OperatingMode mode);
}
