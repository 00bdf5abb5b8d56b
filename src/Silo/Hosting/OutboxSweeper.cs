using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Finishes deliveries a crash interrupted. A case delivers its outbox right after its commit and retries while
/// it is active; only a case whose silo died in between holds an outbox that nobody is delivering. Every
/// <see cref="Interval"/> this asks such cases — those with an outbox older than <see cref="Age"/> — to deliver,
/// which activates them where they live now. The outbox is small (undelivered steps only), so the look is cheap.
/// </summary>
public sealed partial class OutboxSweeper(ICaseStore store, IGrainFactory grains, ILogger<OutboxSweeper> logger) : WorkOnceActive
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Older than any delivery in progress; younger than anyone would wait for a task list to update.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromSeconds(10);

    private const int Limit = 2_000;
    private const int Parallelism = 32;

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            // At start every outbox is old enough: whatever the previous process was delivering died with it (and
            // a delivery another silo is making meanwhile is only made twice, which changes nothing).
            await SweepAsync(TimeSpan.Zero, stopping);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await SweepAsync(Age, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    /// <returns>How many cases were asked to deliver.</returns>
    public Task<int> SweepAsync(CancellationToken cancellationToken) => SweepAsync(Age, cancellationToken);

    private async Task<int> SweepAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        try
        {
            var behind = await store.FindUndelivered(age, Limit, cancellationToken);
            await Parallel.ForEachAsync(behind, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (id, _) =>
                {
                    try
                    {
                        await grains.GetGrain<IEventGrain>(id).DeliverPending();
                    }
                    catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
                    {
                        // One case whose targets are down must not stop the round for the others.
                        LogCaseFailed(failure, id);
                    }
                });
            if (behind.Count > 0)
            {
                LogSwept(behind.Count);
            }
            return behind.Count;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The next round tries again.
            LogFailed(failure);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases had outboxes a crash left undelivered and were asked to deliver them")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {EventId} could not deliver its outbox this round")]
    private partial void LogCaseFailed(Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for undelivered outboxes failed; trying again next round")]
    private partial void LogFailed(Exception exception);
}
