using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Areas;

public sealed class TownshipGrain(CountyTopology topology) : Grain, ITownshipGrain
{
    private TownshipNode _township = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _township = topology.FindTownship(id) ?? throw UnknownPlaceException.For("township", id);
        return Task.CompletedTask;
    }

    public async Task<CountyCounts> Open()
    {
        var villages = await Task.WhenAll(
            _township.Villages.Select(v => GrainFactory.GetGrain<IVillageGrain>(v.Id).Open()));
        return CountyCounts.Sum(villages) with { Townships = 1 };
    }
}
