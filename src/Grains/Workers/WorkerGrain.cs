using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
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
        if (onDuty == !state.State.OffDuty)
        {
            return View();
        }

        state.State.OffDuty = !onDuty;
        state.State.DutyChangedAt = time.GetUtcNow();
        await SaveAndTellGrid();
        return View();
    }

    public Task AssignTask(string eventId)
    {
        if (state.State.OpenTaskIds.Contains(eventId))
        {
            return Task.CompletedTask;
        }
        state.State.OpenTaskIds.Add(eventId);
        return SaveAndTellGrid();
    }

    public Task ReleaseTask(string eventId) =>
        state.State.OpenTaskIds.Remove(eventId) ? SaveAndTellGrid() : Task.CompletedTask;

    /// <summary>Durable first, then the grid hears of the new duty or load, with a version it can order by.</summary>
    private async Task SaveAndTellGrid()
    {
        state.State.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Changed in memory but not stored: start again from storage on the next call.
            DeactivateOnIdle();
            throw;
        }
        await GrainFactory.GetGrain<IGridGrain>(_place.Home.Grid.Id).WorkerStatusChanged(Status());
    }

    private WorkerStatus Status() =>
        new(_place.Worker.Id, !state.State.OffDuty, state.State.OpenTaskIds.Count, state.State.Version);

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
        state.State.Points);
}
