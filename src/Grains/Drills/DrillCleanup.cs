using System.Collections.Concurrent;
using System.Diagnostics;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Live;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Drills;

/// <summary>
/// Removes every trace of a drill: its cases' state, read-model rows, deadline entries and outboxes, its ledgers,
/// and whatever resident grains still hold of them. Idempotent: what is gone is not found again, so a second run,
/// or one after a failure part way, erases what is left.
/// </summary>
/// <remarks>
/// A drill may leave 400,000 cases. Most are finished and owe nothing, and no grain need wake for those: they go in
/// bulk, a chunk per statement. An open case, or one whose outbox is still undelivered, goes through its grain,
/// which takes back its workers' tasks and its shard's entry first (<see cref="IEventGrain.Erase"/>), a bounded
/// number at a time. Then the grains still resident with a case erased in bulk are told, so that none answers it.
/// </remarks>
public sealed partial class DrillCleanup(
    IEventReadModel readModel,
    ICaseStore cases,
    ILedgerStore ledgers,
    IGrainFactory grains,
    ILiveFeed live,
    ILogger<DrillCleanup> logger)
{
    /// <summary>Cases read and erased at a time: one bulk statement's worth, and the most a cleanup holds in memory.</summary>
    public const int ChunkSize = 5_000;

    /// <summary>Grain calls in flight at once: enough to fill the stores' batches, few enough to leave the county served.</summary>
    public const int Concurrency = 64;

    /// <summary>Erases the drill; returns the number of its cases removed (0 when it had none left).</summary>
    public async Task<int> Erase(string drill, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var erased = 0;
        while (await readModel.DrillCases(drill, ChunkSize, cancellationToken) is { Count: > 0 } chunk)
        {
            erased += await EraseChunk(drill, chunk, cancellationToken);
        }
        // After the cases: an award still owed by one of them would otherwise land in a ledger already erased.
        var entries = await ledgers.EraseDrill(drill);
        var prefix = ParticipantIds.DrillPrefix(drill);
        await ForEach(await Resident<ILedgerGrain>(id => id.StartsWith(prefix, StringComparison.Ordinal)),
            id => grains.GetGrain<ILedgerGrain>(id).Forget(), cancellationToken);
        live.Publish(new DrillErased(drill));
        LogErased(drill, erased, entries, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return erased;
    }

    private async Task<int> EraseChunk(string drill, IReadOnlyList<DrillCase> chunk, CancellationToken cancellationToken)
    {
        var finished = chunk.Where(c => !c.IsOpen).Select(c => c.Id).ToList();
        var bulk = finished.Count > 0 ? await cases.EraseSettled(finished) : [];
        var erasedInBulk = bulk.ToHashSet(StringComparer.Ordinal);
        var throughGrains = chunk.Select(c => c.Id).Where(id => !erasedInBulk.Contains(id)).ToList();

        var byGrains = new ConcurrentBag<string>();
        await ForEach(throughGrains, async id =>
        {
            if (await grains.GetGrain<IEventGrain>(id).Erase(drill))
            {
                byGrains.Add(id);
            }
        }, cancellationToken);
        // A row whose grain had no case is a row without a case; it goes, so that the next chunk moves on.
        var orphans = throughGrains.Except(byGrains, StringComparer.Ordinal).ToList();
        if (orphans.Count > 0)
        {
            await readModel.Remove(orphans);
        }
        // Listed after the bulk erase: an activation that loads from now on finds nothing, one loaded before is here.
        if (erasedInBulk.Count > 0)
        {
            await ForEach(await Resident<IEventGrain>(erasedInBulk.Contains),
                id => grains.GetGrain<IEventGrain>(id).Erase(drill), cancellationToken);
        }
        return bulk.Count + byGrains.Count;
    }

    /// <summary>The keys of the resident activations of <typeparamref name="TGrain"/>, on every silo, that <paramref name="wanted"/>.</summary>
    private async Task<IReadOnlyList<string>> Resident<TGrain>(Func<string, bool> wanted) where TGrain : IGrainWithStringKey
    {
        var type = grains.GetGrain<TGrain>("resident").GetGrainId().Type;
        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
        return [.. active.Select(grain => grain.Key.ToString()!).Where(wanted)];
    }

    private static Task ForEach(IEnumerable<string> ids, Func<string, Task> call, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (id, _) => await call(id));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Drill {Drill} erased: {Cases} cases and {Entries} ledger entries in {ElapsedMs:F0} ms")]
    private partial void LogErased(string drill, int cases, int entries, double elapsedMs);
}
