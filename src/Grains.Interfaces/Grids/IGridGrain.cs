using Orleans.Concurrency;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Workers;

namespace GridActors.Grains.Interfaces.Grids;

/// <summary>One grid (网格), the smallest unit of the county; keyed by its topology id.</summary>
[Alias("GridActors.IGridGrain")]
public interface IGridGrain : IGrainWithStringKey
{
    /// <summary>Activates the grid and its workers and counts them.</summary>
    [Alias("Open")]
    Task<CountyCounts> Open();

    [Alias("GetView")]
    Task<GridView> GetView();

    /// <summary>
    /// A worker of the grid reports its duty and load. One-way so that a worker never waits on its grid
    /// while the grid may be asking the worker for its status; the version keeps the newest report.
    /// </summary>
    [OneWay, Alias("WorkerStatusChanged")]
    Task WorkerStatusChanged(WorkerStatus status);
}
