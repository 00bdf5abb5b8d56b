using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Heals what a crash interrupted. An event grain projects to the read model as the last step after its write
/// (after telling workers and paying awards), and re-does all of it on activation. A case whose process died
/// in between may never be activated again — a closed case has no deadline to wake it — so once the silo is
/// active, and every few minutes after, this finds every case whose stored state is ahead of its projection
/// and activates it.
/// </summary>
public sealed partial class ReadModelHealer(
    NpgsqlDataSource database,
    IGrainFactory grains,
    IOptions<ClusterOptions> cluster,
    ILogger<ReadModelHealer> logger) : WorkOnceActive
{
    private const int Parallelism = 32;

    /// <summary>
    /// How often it looks again while the silo runs: projections commit without waiting for the WAL flush, so a
    /// crash of PostgreSQL itself can lose the last moment of them while every silo stays up.
    /// </summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await HealAsync(stopping);
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    /// <returns>How many cases were behind and have been activated.</returns>
    public async Task<int> HealAsync(CancellationToken cancellationToken)
    {
        try
        {
            var behind = await FindCasesBehind(cancellationToken);
            await Parallel.ForEachAsync(behind, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (id, _) => await grains.GetGrain<IEventGrain>(id).GetView());
            if (behind.Count > 0)
            {
                LogHealed(behind.Count);
            }
            return behind.Count;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The next start tries again; meanwhile those cases heal when anything touches them.
            LogFailed(failure);
            return 0;
        }
    }

    private async Task<List<string>> FindCasesBehind(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT s.grain_key
            FROM batched_grain_state s
            LEFT JOIN events e ON e.id = s.grain_key
            WHERE s.service_id = @service AND s.state_name = @state
              AND (e.id IS NULL OR e.version < s.state_version)
            """);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("state", EventGrain.StateName);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read model healed: {Count} cases were behind their state and have been re-projected")]
    private partial void LogHealed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Healing the read model failed; it is tried again at the next start")]
    private partial void LogFailed(Exception exception);
}
