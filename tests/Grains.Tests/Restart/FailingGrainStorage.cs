using Orleans.Storage;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// Storage whose next write fails on demand, as a write does when the database drops the connection; reads
/// and every other write go to the wrapped storage.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage stored) : IGrainStorage
{
    private static int _failuresToInject;

    public static void FailNextWrite() => Interlocked.Exchange(ref _failuresToInject, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        stored.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Interlocked.Exchange(ref _failuresToInject, 0) == 1
            ? throw new TimeoutException($"Injected: writing {stateName} of {grainId} did not complete.")
            : stored.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        stored.ClearStateAsync(stateName, grainId, grainState);
}
