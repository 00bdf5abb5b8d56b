using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Routing;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Grains.Grids;

/// <summary>
/// Holds the grid's roster: which of its workers are on duty and how loaded they are. The roster is
/// rebuilt from the workers on activation (they own their state), then kept current by their reports.
/// </summary>
public sealed class GridGrain(CountyTopology topology, IOptions<DispatchOptions> dispatchOptions) : Grain, IGridGrain
{
    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private readonly Dictionary<string, WorkerStatus> _roster = [];
    private GridPlace _place = null!;
    private OperatingMode _mode;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _place = topology.FindGrid(id) ?? throw UnknownPlaceException.For("grid", id);

        var statuses = await Task.WhenAll(
            _place.Grid.Workers.Select(worker => GrainFactory.GetGrain<IWorkerGrain>(worker.Id).GetStatus()));
        foreach (var status in statuses)
        {
            _roster[status.WorkerId] = status;
        }
        _mode = await GrainFactory.GetGrain<ITownshipGrain>(_place.Township.Id).GetEffectiveMode();
    }

    public Task<CountyCounts> Open() => Task.FromResult(new CountyCounts(0, 0, 1, _roster.Count));

    public Task<GridView> GetView()
    {
        var grid = _place.Grid;
        return Task.FromResult(new GridView(
            grid.Id,
            grid.Name,
            _place.Village.Id,
            _place.Township.Id,
            grid.Centroid,
            grid.Polygon,
            HeadWorkerId: grid.Workers.First(w => w.Role == WorkerRoles.Head).Id,
            [.. grid.Workers.Select(w => w.Id)],
            [.. grid.Workers.Where(w => _roster[w.Id].OnDuty).Select(w => w.Id)],
            _roster.Values.Sum(s => s.OpenTasks)));
    }

    public Task<Admission> Admit(string category, bool route, bool drill)
    {
        if (!route)
        {
            return Task.FromResult(new Admission(_mode, null));
        }
        var node = topology.FindCategory(category) ?? throw new ArgumentException($"Unknown category '{category}'.", nameof(category));
        var owner = topology.Document.Departments.FirstOrDefault(d => d.Categories.Contains(category));
        var decision = RoutingPolicy.Decide(node, owner, _roster.Values, _dispatch, _mode, drill);
        if (decision is { Kind: RouteKind.Worker, AssigneeId: { } chosen })
        {
            CountOneMore(chosen, drill);
        }
        return Task.FromResult(new Admission(_mode, decision));
    }

    public Task Reserve(string workerId, bool drill)
    {
        if (_roster.ContainsKey(workerId))
        {
            CountOneMore(workerId, drill);
        }
        return Task.CompletedTask;
    }

    /// <summary>Counts a case now; the worker's own report, with a higher version, will confirm it.</summary>
    private void CountOneMore(string workerId, bool drill)
    {
        var known = _roster[workerId];
        _roster[workerId] = drill
            ? known with { DrillTasks = known.DrillTasks + 1 }
            : known with { OpenTasks = known.OpenTasks + 1 };
    }

    public Task ModeChanged(OperatingMode mode)
    {
        _mode = mode;
        return Task.CompletedTask;
    }

    public Task<WorkerStatus?> GetLeastLoadedWorker(bool drill) =>
        Task.FromResult(RoutingPolicy.LeastLoaded(_roster.Values, _dispatch.WorkerCapacity, drill));

    public Task WorkerStatusChanged(WorkerStatus status)
    {
        if (_roster.TryGetValue(status.WorkerId, out var known) && status.Version >= known.Version)
        {
            _roster[status.WorkerId] = status;
        }
        return Task.CompletedTask;
    }
}
