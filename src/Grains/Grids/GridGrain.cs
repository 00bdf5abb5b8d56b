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
/// rebuilt from the workers on activation (they own their state), then kept current by their reports; the
/// cases the grid chose that a worker's report does not show yet are its bookings, counted on top.
/// </summary>
public sealed class GridGrain(CountyTopology topology, IOptions<DispatchOptions> dispatchOptions, TimeProvider realTime) : Grain, IGridGrain
{
    /// <summary>An assignment reaches its worker within milliseconds; one still unconfirmed after this failed.</summary>
    private static readonly TimeSpan BookingLifetime = TimeSpan.FromMinutes(1);

    private readonly DispatchOptions _dispatch = dispatchOptions.Value;
    private readonly Dictionary<string, WorkerStatus> _roster = [];
    private readonly WorkerBookings _bookings = new(BookingLifetime);
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

    public Task<Admission> Admit(string caseId, string category, bool route, bool drill)
    {
        if (!route)
        {
            return Task.FromResult(new Admission(_mode, null));
        }
        var node = topology.FindCategory(category) ?? throw new ArgumentException($"Unknown category '{category}'.", nameof(category));
        var owner = topology.Document.Departments.FirstOrDefault(d => d.Categories.Contains(category));
        var decision = RoutingPolicy.Decide(node, owner, Roster(), _dispatch, _mode, drill);
        if (decision is { Kind: RouteKind.Worker, AssigneeId: { } chosen })
        {
            _bookings.Add(caseId, chosen, drill, realTime.GetUtcNow());
        }
        return Task.FromResult(new Admission(_mode, decision));
    }

    public Task Reserve(string caseId, string workerId, bool drill)
    {
        if (_roster.ContainsKey(workerId))
        {
            _bookings.Add(caseId, workerId, drill, realTime.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    /// <summary>Each worker as last reported, with the cases booked on it since.</summary>
    private List<WorkerStatus> Roster()
    {
        var now = realTime.GetUtcNow();
        return [.. _roster.Values.Select(reported => _bookings.Apply(reported, now))];
    }

    public Task ModeChanged(OperatingMode mode)
    {
        _mode = mode;
        return Task.CompletedTask;
    }

    public Task<WorkerStatus?> GetLeastLoadedWorker(bool drill) =>
        Task.FromResult(RoutingPolicy.LeastLoaded(Roster(), _dispatch.WorkerCapacity, drill));

    public Task WorkerStatusChanged(WorkerStatus status)
    {
        _bookings.Confirm(status);
        if (_roster.TryGetValue(status.WorkerId, out var known) && status.Version >= known.Version)
        {
            _roster[status.WorkerId] = status;
        }
        return Task.CompletedTask;
    }
}
