using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Nearby;

namespace GridActors.Grains.Nearby;

/// <summary>A square of the spatial index; its cases are stored, so a square that left memory comes back whole.</summary>
public sealed class NearbyCellGrain(
    [PersistentState("cell", StorageNames.County)] IPersistentState<NearbyCellState> state) : Grain, INearbyCellGrain
{
    public async Task Track(OpenCaseSpot spot)
    {
        if (state.State.Cases.TryGetValue(spot.CaseId, out var held) && held == spot)
        {
            return;
        }
        state.State.Cases[spot.CaseId] = spot;
        await WriteOrUndo(() => state.State.Cases.Remove(spot.CaseId));
    }

    public async Task Forget(string caseId)
    {
        if (state.State.Cases.Remove(caseId, out var held))
        {
            await WriteOrUndo(() => state.State.Cases[caseId] = held);
        }
    }

    /// <summary>
    /// A change that did not reach storage is taken back, so that its retry (the case's outbox) finds it still to do
    /// and writes it, rather than seeing it done in memory only.
    /// </summary>
    private async Task WriteOrUndo(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }

    public Task<IReadOnlyList<OpenCaseSpot>> Cases(string? category) =>
        Task.FromResult<IReadOnlyList<OpenCaseSpot>>([.. state.State.Cases.Values.Where(c => category is null || c.Category == category)]);
}

[GenerateSerializer, Alias("GridActors.NearbyCellState")]
public sealed class NearbyCellState
{
    [Id(0)] public Dictionary<string, OpenCaseSpot> Cases { get; set; } = [];
}
