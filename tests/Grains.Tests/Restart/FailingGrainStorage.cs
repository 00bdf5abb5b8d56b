using System.Collections.Concurrent;
using Orleans.Storage;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// Storage whose next write fails on demand, as a write does when the database drops the connection; reads
/// and every other write go to the wrapped storage.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage stored) : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, byte> FailingGrains = new();

    /// <summary>
    /// Fails the grain's next write. Aimed at one grain, so that the writes of others — the clock, the case's
    /// worker, a grain of another test's cluster — cannot take the failure meant for it.
    /// </summary>
    public static void FailNextWriteOf(GrainId grain) => FailingGrains[grain] = 0;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        stored.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailingGrains.TryRemove(grainId, out _)
            ? throw new TimeoutException($"Injected: writing {stateName} of {grainId} did not complete.")
            : stored.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        stored.ClearStateAsync(stateName, grainId, grainState);
}
