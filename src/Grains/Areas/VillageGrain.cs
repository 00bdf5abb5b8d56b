using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Routing;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Areas;

public sealed class VillageGrain(CountyTopology topology) : Grain, IVillageGrain
{
    private VillageNode _village = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _village = topology.FindVillage(id)?.Village ?? throw UnknownPlaceException.For("village", id);
        return Task.CompletedTask;
    }

    public async Task<CountyCounts> Open()
    {
        var grids = await Task.WhenAll(
            _village.Grids.Select(g => GrainFactory.GetGrain<IGridGrain>(g.Id).Open()));
        return CountyCounts.Sum(grids) with { Villages = 1 };
    }

    public async Task<string?> FindFallbackWorker(string caseId, bool drill)
    {
        var candidates = await Task.WhenAll(
            _village.Grids.Select(g => GrainFactory.GetGrain<IGridGrain>(g.Id).GetLeastLoadedWorker(drill)));
        var chosen = RoutingPolicy.LeastLoaded(candidates.OfType<WorkerStatus>(), int.MaxValue, drill)?.WorkerId;
        if (chosen is not null)
        {
            // Book the pick on its grid at once, so windows expiring together do not all land on one worker.
            var grid = _village.Grids.First(g => g.Workers.Any(w => w.Id == chosen));
            await GrainFactory.GetGrain<IGridGrain>(grid.Id).Reserve(caseId, chosen, drill);
        }
        return chosen;
    }
}
