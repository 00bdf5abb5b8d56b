using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// Grain storage that outlives the silos of a test: a process-wide dictionary standing in for a database, so
/// a test can stop a silo, start another and find the state where the first left it. Checks ETags as a real
/// store would.
/// </summary>
public sealed class ProcessWideGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, string ETag)> Rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var data = serializer.SerializeToArray(grainState.State);
        var written = grainState.ETag is null
            ? Rows.TryAdd(key, (data, etag))
            : Rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && Rows.TryUpdate(key, (data, etag), current);
        if (!written)
        {
            throw new InconsistentStateException($"ETag mismatch writing {stateName} of {grainId}.");
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
