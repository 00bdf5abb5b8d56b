using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Wakes, once the silo is active, every deadline shard that has entries stored. After a restart nothing else
/// would until its watchdog reminder comes round — up to a minute late for a deadline that fell due while the
/// county was down. A shard loads its entries on activation and fires what is due, so one
/// <see cref="IDeadlineGrain.Tick"/> each is enough; at most one shard per grid, 448 calls.
/// </summary>
public sealed partial class DeadlineRecovery(
    NpgsqlDataSource database,
    IGrainFactory grains,
    ILogger<DeadlineRecovery> logger) : WorkOnceActive
{
    protected override Task RunAsync(CancellationToken stopping) => WakeShardsAsync(stopping);

    public async Task<int> WakeShardsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var shards = new List<string>();
            await using (var command = database.CreateCommand("SELECT DISTINCT shard FROM deadline_entries"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    shards.Add(reader.GetString(0));
                }
            }
            await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (shard, _) => await grains.GetGrain<IDeadlineGrain>(shard).Tick());
            LogWoken(shards.Count);
            return shards.Count;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The shards' watchdog reminders still wake them, only later.
            LogFailed(failure);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} deadline shards with stored deadlines")]
    private partial void LogWoken(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking the deadline shards failed; their watchdog reminders will")]
    private partial void LogFailed(Exception exception);
}
