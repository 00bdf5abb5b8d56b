using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Areas;

public sealed class CityGrain(CountyTopology topology) : Grain, ICityGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        return id == topology.City.Id ? Task.CompletedTask : throw UnknownPlaceException.For("city", id);
    }

    public async Task<CountyCounts> Open()
    {
        var townships = await Task.WhenAll(
            topology.Document.Townships.Select(t => GrainFactory.GetGrain<ITownshipGrain>(t.Id).Open()));
        return CountyCounts.Sum(townships);
    }
}
