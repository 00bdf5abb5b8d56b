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
    private Timer? _checkpoints;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClockKeeper), ServiceLifecycleStage.Active - 1, OnStart, OnStop);

    public void Dispose() => _checkpoints?.Dispose();

    private async Task OnStart(CancellationToken cancellationToken)
    {
        var store = grains.GetGrain<IClockGrain>(topology.City.Id);
        if (await store.GetCheckpoint() is { } checkpoint)
        {
            clock.ContinueFrom(checkpoint);
        }
        LogClock(clock.GetUtcNow(), clock.Speed);
        _checkpoints = new Timer(_ => store.Checkpoint(clock.GetUtcNow()).Ignore(), null, TimeSpan.Zero, CheckpointEvery);
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        if (_checkpoints is not null)
        {
            await _checkpoints.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock at {Now:u}, running at {Speed}x real time")]
    private partial void LogClock(DateTimeOffset now, double speed);
}
