using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Clock;

public sealed class ClockGrain(
    [PersistentState("clock", StorageNames.County)] IPersistentState<ClockState> state) : Grain, IClockGrain
{
    public Task<DateTimeOffset?> GetCheckpoint() => Task.FromResult(state.RecordExists ? state.State.SimulatedNow : (DateTimeOffset?)null);

    public async Task Checkpoint(DateTimeOffset simulatedNow)
    {
        if (state.RecordExists && simulatedNow <= state.State.SimulatedNow)
        {
            return;
        }
        state.State.SimulatedNow = simulatedNow;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("GridActors.ClockState")]
public sealed class ClockState
{
    [Id(0)] public DateTimeOffset SimulatedNow { get; set; }
}
