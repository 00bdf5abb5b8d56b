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
        if (!state.State.Cases.Remove(caseId, out var held))
        {
            return;
        }
        if (state.State.Cases.Count > 0)
        {
            await WriteOrUndo(() => state.State.Cases[caseId] = held);
            return;
        }
        // An empty square keeps nothing, in storage or in memory: over a year most of the county's squares see a
        // case, and few hold one at any time.
        await WriteOrUndo(() => state.State.Cases[caseId] = held, clear: true);
        DeactivateOnIdle();
    }

    /// <summary>
    /// A change that did not reach storage is taken back, so that its retry (the case's outbox) finds it still to do
    /// and writes it, rather than seeing it done in memory only.
    /// </summary>
    private async Task WriteOrUndo(Action undo, bool clear = false)
    {
        try
        {
            await (clear ? state.ClearStateAsync() : state.WriteStateAsync());
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
