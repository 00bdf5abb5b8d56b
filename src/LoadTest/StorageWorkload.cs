using System.Collections.Concurrent;
using GridActors.Grains.Events;
using Orleans.Storage;

namespace GridActors.LoadTest;

/// <summary>What one provider did in one phase of one round: the phase as timed, then the read-back that checked it.</summary>
public sealed record ProviderPhase(
    string Provider, string Phase, int Round, PhaseResult Result, int Verified, int Mismatches, IReadOnlyList<string> Failures)
{
    public int Errors => Result.Errors + Mismatches;
}

/// <summary>
/// One provider's part of a round, called the way grains call it: N new event grains write their first state
/// (no ETag, so an insert), then the same N write their next state with the ETag the first write returned (an
/// update), each from <c>concurrency</c> concurrent callers. After each phase a sample is read back through the
/// same provider and must return the ETag, version and bytes that were written.
/// </summary>
public sealed class StorageWorkload(
    string provider, IGrainStorage storage, IGrainStorageSerializer serializer, EventStateSamples samples, int concurrency, int sample)
{
    /// <summary>
    /// Not <c>event</c>, the name cases were stored under before they had a table of their own: the migration to
    /// that table moves rows of that name, and must not take the drill's for cases.
    /// </summary>
    public const string StateName = "drill-event";

    private const int FailuresKept = 5;

    public string Provider => provider;

    public async Task<IReadOnlyList<ProviderPhase>> RunAsync(int round, int writes, CancellationToken cancellationToken)
    {
        // Fresh ids every time, so no round finds the rows of another.
        var run = Guid.NewGuid().ToString("N")[..8];
        var grains = Enumerable.Range(0, writes).Select(i => GrainId.Create("event", $"drill-{run}-{i}")).ToArray();
        var expected = Enumerable.Range(0, writes).Select(samples.Dispatched).ToArray();
        var states = expected.Select(state => new GrainState<EventState>(state)).ToArray();
        var firstWrites = await WriteAll("first writes", round, grains, states, expected, cancellationToken);

        for (var i = 0; i < writes; i++)
        {
            // The same GrainState object, as a grain keeps it: it carries the ETag the first write returned.
            states[i].State = expected[i] = EventStateSamples.Started(expected[i]);
        }
        var updates = await WriteAll("updates", round, grains, states, expected, cancellationToken);
        return [firstWrites, updates];
    }

    private async Task<ProviderPhase> WriteAll(
        string phase, int round, GrainId[] grains, GrainState<EventState>[] states, EventState[] expected, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<string>();
        var result = await new PhaseRunner($"{provider} {phase}", concurrency).RunAsync(grains.Length, async (i, timed) =>
        {
            try
            {
                await timed.Call(() => storage.WriteStateAsync(StateName, grains[i], states[i]));
                return states[i].ETag is not null || Fail(failures, $"{grains[i]}: the write returned no ETag");
            }
            catch (Exception failure)
            {
                return Fail(failures, $"{grains[i]}: {failure.GetType().Name}: {failure.Message}");
            }
        }, cancellationToken);

        var mismatches = await VerifySample(grains, states, expected, failures, cancellationToken);
        return new ProviderPhase(provider, phase, round, result, sample, mismatches, [.. failures]);
    }

    /// <returns>How many of the sampled grains did not read back as written.</returns>
    private async Task<int> VerifySample(
        GrainId[] grains, GrainState<EventState>[] states, EventState[] expected, ConcurrentQueue<string> failures, CancellationToken cancellationToken)
    {
        var mismatches = 0;
        var sampled = Enumerable.Range(0, sample).Select(k => (int)((long)k * grains.Length / sample));
        await Parallel.ForEachAsync(sampled, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var problem = await Mismatch(grains[i], states[i].ETag, expected[i]);
                if (problem is not null)
                {
                    Interlocked.Increment(ref mismatches);
                    Fail(failures, $"{grains[i]} read back wrong: {problem}");
                }
            });
        return mismatches;
    }

    private async Task<string?> Mismatch(GrainId grain, string? writtenETag, EventState written)
    {
        var read = new GrainState<EventState>();
        try
        {
            await storage.ReadStateAsync(StateName, grain, read);
        }
        catch (Exception failure)
        {
            return $"{failure.GetType().Name}: {failure.Message}";
        }
        if (!read.RecordExists || read.State is null)
        {
            return "no record";
        }
        if (read.ETag != writtenETag)
        {
            return $"ETag '{read.ETag}', written '{writtenETag}'";
        }
        if (read.State.Version != written.Version)
        {
            return $"version {read.State.Version}, written {written.Version}";
        }
        // Bytes, not fields: a field the serializer dropped or mangled shows up here whichever it is.
        var readBytes = serializer.Serialize(read.State).ToMemory();
        var writtenBytes = serializer.Serialize(written).ToMemory();
        return readBytes.Span.SequenceEqual(writtenBytes.Span) ? null : $"payload of {readBytes.Length} bytes differs from the {writtenBytes.Length} written";
    }

    private static bool Fail(ConcurrentQueue<string> failures, string failure)
    {
        if (failures.Count < FailuresKept)
        {
            failures.Enqueue(failure);
        }
        return false;
    }
}
