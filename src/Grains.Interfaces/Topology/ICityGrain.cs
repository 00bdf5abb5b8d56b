using GridActors.Grains.Interfaces.Events;
using Orleans.Concurrency;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>The county (市) at the top of the hierarchy; keyed by the city id of the topology.</summary>
[Alias("GridActors.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>Activates every township, village, grid and worker below the city and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();

    /// <summary>
    /// Switches the city (<paramref name="scope"/> = the city id) or one township; logged with who switched
    /// (<paramref name="actor"/>, the caller's party; <paramref name="subject"/>, the token's subject) and why; durable.
    /// </summary>
    [Alias("SetMode")]
    Task<ModesView> SetMode(string scope, OperatingMode mode, string actor, string? subject, string? reason);

    [Alias("GetModes")]
    Task<ModesView> GetModes();

    /// <summary>The mode a township runs in: emergency when the city or the township is switched to it.</summary>
    [AlwaysInterleave, Alias("GetEffectiveMode")]
    Task<OperatingMode> GetEffectiveMode(string townshipId);
}
