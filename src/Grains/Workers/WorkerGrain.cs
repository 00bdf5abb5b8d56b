using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Storage;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Workers;

public sealed class WorkerGrain(
    [PersistentState("worker", StorageNames.Workers)] IPersistentState<WorkerState> state,
    CountyTopology topology,
    GridClock time) : Grain, IWorkerGrain
{
    private WorkerPlace _place = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _place = topology.FindWorker(id) ?? throw UnknownPlaceException.For("worker", id);
        return Task.CompletedTask;
    }

    public Task<WorkerView> GetView() => Task.FromResult(View());

    public Task<WorkerStatus> GetStatus() => Task.FromResult(Status());

    public async Task<WorkerView> SetDuty(bool onDuty)
    {
        await Commit(WorkerRules.SetDuty(state.State, onDuty, time.GetUtcNow()));
        return View();
    }

    public Task AssignTask(string eventId, bool drill) => Commit(WorkerRules.Assign(state.State, eventId, drill));

    public Task ReleaseTask(string eventId) => Commit(WorkerRules.Release(state.State, eventId));

    /// <summary>
    /// Durable first, then the grid hears of the new duty or load, with a version it can order by. A failed
    /// write leaves the state as stored and the grid untold.
    /// </summary>
    private async Task Commit(WorkerState? next)
    {
        if (next is null)
        {
            return;
        }
        await state.CommitAsync(next);
        await GrainFactory.GetGrain<IGridGrain>(_place.Home.Grid.Id).WorkerStatusChanged(Status());
    }

    private WorkerStatus Status() =>
        new(
            _place.Worker.Id,
            !state.State.OffDuty,
            state.State.OpenTaskIds.Count,
            state.State.Version,
            state.State.DrillTaskIds.Count,
            [.. state.State.OpenTaskIds, .. state.State.DrillTaskIds]);

    private WorkerView View() => new(
        _place.Worker.Id,
        _place.Worker.Name,
        _place.Worker.Role,
        _place.Worker.Employment,
        _place.Home.Grid.Id,
        _place.Home.Village.Id,
        _place.Home.Township.Id,
        OnDuty: !state.State.OffDuty,
        state.State.DutyChangedAt,
        [.. state.State.OpenTaskIds],
        [.. state.State.DrillTaskIds]);
}
