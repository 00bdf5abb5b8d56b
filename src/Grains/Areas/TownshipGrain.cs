using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Areas;

/// <summary>
/// A township: opens its villages at start-up and relays its effective operating mode, which the city keeps,
/// to its grids.
/// </summary>
public sealed class TownshipGrain(CountyTopology topology) : Grain, ITownshipGrain
{
    private TownshipNode _township = null!;
    private OperatingMode _mode;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _township = topology.FindTownship(id) ?? throw UnknownPlaceException.For("township", id);
        _mode = await GrainFactory.GetGrain<ICityGrain>(topology.City.Id).GetEffectiveMode(id);
    }

    public async Task<CountyCounts> Open()
    {
        var villages = await Task.WhenAll(
            _township.Villages.Select(v => GrainFactory.GetGrain<IVillageGrain>(v.Id).Open()));
        return CountyCounts.Sum(villages) with { Townships = 1 };
    }

    public Task<OperatingMode> GetEffectiveMode() => Task.FromResult(_mode);

    public async Task EffectiveModeChanged(OperatingMode mode)
    {
        _mode = mode;
        foreach (var grid in _township.Villages.SelectMany(v => v.Grids))
        {
            await GrainFactory.GetGrain<IGridGrain>(grid.Id).ModeChanged(mode);
        }
    }
}
