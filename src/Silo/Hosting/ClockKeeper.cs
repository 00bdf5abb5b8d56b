using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Carries simulated time across restarts: when the silo becomes active, the clock continues from the last
/// checkpoint the county recorded (never behind it), and from then on the silo records its time every few
/// seconds. Runs before <see cref="CountyWarmup"/>, so no grain reads the clock before it has caught up.
/// </summary>
public sealed partial class ClockKeeper(
    IGrainFactory grains,
    CountyTopology topology,
    GridClock clock,
    ILogger<ClockKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckpointRetryDelay = TimeSpan.FromMilliseconds(500);
    private const int MaxCheckpointAttempts = 60;
    private Timer? _checkpoints;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClockKeeper), ServiceLifecycleStage.Active - 1, OnStart, OnStop);

    public void Dispose() => _checkpoints?.Dispose();

    private async Task OnStart(CancellationToken cancellationToken)
    {
        var store = grains.GetGrain<IClockGrain>(topology.City.Id);
        if (await ReadCheckpoint(store, cancellationToken) is { } checkpoint)
        {
            clock.ContinueFrom(checkpoint);
        }
        LogClock(clock.GetUtcNow(), clock.Speed);
        _checkpoints = new Timer(_ => store.Checkpoint(clock.GetUtcNow()).Ignore(), null, TimeSpan.Zero, CheckpointEvery);
    }

    /// <summary>
    /// Retries for a while: this stage runs beside the one in which the silo itself becomes active, and when
    /// several silos of a new cluster start together, none may yet be able to host the clock grain — the call
    /// then fails with "no active nodes" for a moment, and failing here would stop the silo's start.
    /// </summary>
    private async Task<DateTimeOffset?> ReadCheckpoint(IClockGrain store, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.GetCheckpoint();
            }
            catch (OrleansException failure) when (attempt < MaxCheckpointAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogCheckpointRetry(failure, attempt);
                await Task.Delay(CheckpointRetryDelay, cancellationToken);
            }
        }
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        if (_checkpoints is not null)
        {
            await _checkpoints.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the clock checkpoint failed (attempt {Attempt}); retrying")]
    private partial void LogCheckpointRetry(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock at {Now:u}, running at {Speed}x real time")]
    private partial void LogClock(DateTimeOffset now, double speed);
}
