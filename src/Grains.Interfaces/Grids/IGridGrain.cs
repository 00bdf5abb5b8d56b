using Orleans.Concurrency;
using GridActors.Grains.Interfaces.Events;
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
    /// Admits a new case of the category: the grid's operating mode, and with <paramref name="route"/> who takes
    /// the case — its department, the least-loaded on-duty worker with room for it, or grabbing (always
    /// grabbing, township-wide, in emergency mode). A worker chosen here counts <paramref name="caseId"/> at once,
    /// until the worker's own report holds it, so a burst of reports spreads over the grid instead of piling on
    /// whoever looked least loaded a moment ago.
    /// A <paramref name="drill"/> case is counted among the worker's drill tasks, which real cases' routing ignores.
    /// </summary>
    [Alias("Admit")]
    Task<Admission> Admit(string caseId, string category, bool route, bool drill);

    /// <summary>The township's effective mode changed (its own or the city's switch).</summary>
    [OneWay, Alias("ModeChanged")]
    Task ModeChanged(OperatingMode mode);

    /// <summary>Counts the case (or drill case) on a worker the village chose, until the worker's own report holds it.</summary>
    [OneWay, Alias("Reserve")]
    Task Reserve(string caseId, string workerId, bool drill);

    /// <summary>The least-loaded on-duty worker with room for one more case, or null; for the village's fallback.</summary>
    [Alias("GetLeastLoadedWorker")]
    Task<WorkerStatus?> GetLeastLoadedWorker(bool drill);

    /// <summary>
    /// A worker of the grid reports its duty and load. One-way so that a worker never waits on its grid
    /// while the grid may be asking the worker for its status; the version keeps the newest report.
    /// </summary>
    [OneWay, Alias("WorkerStatusChanged")]
    Task WorkerStatusChanged(WorkerStatus status);
}
