using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Keeps this silo's <see cref="GridClock"/> on the county's one clock (<see cref="IClockGrain"/>): when the
/// silo becomes active it joins the clock — the first silo of a cluster starts it, continuing from the last
/// checkpoint — and from then on it asks for the clock's line every second, so that a speed change made
/// through any silo reaches this one before it takes effect (<see cref="CountyTime.SwitchLead"/>), and records
/// the time it has reached every few seconds. Runs before <see cref="CountyWarmup"/>, so no grain reads the
/// clock before it follows the county's.
/// </summary>
public sealed partial class ClockKeeper(
    IGrainFactory grains,
    CountyTopology topology,
    GridClock clock,
    ILogger<ClockKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private const int CheckpointEveryPolls = 5;
    private static readonly TimeSpan JoinRetryDelay = TimeSpan.FromMilliseconds(500);
    private const int MaxJoinAttempts = 60;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _keeping;

    private IClockGrain Store => grains.GetGrain<IClockGrain>(topology.City.Id);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClockKeeper), ServiceLifecycleStage.Active - 1, OnStart, OnStop);

    public void Dispose() => _stopping.Dispose();

    /// <summary>Runs the county clock at <paramref name="speed"/> on every silo; this one follows at once.</summary>
    public async Task<ClockSettings> ChangeSpeed(double speed)
    {
        var changed = await Store.ChangeSpeed(speed);
        clock.Follow(changed);
        return changed;
    }

    /// <summary>Sets the county clock to <paramref name="from"/> at <paramref name="speed"/> (a new epoch); this silo follows at once.</summary>
    public async Task<ClockSettings> Restart(DateTimeOffset from, double speed)
    {
        var restarted = await Store.Restart(from, speed);
        clock.Follow(restarted);
        return restarted;
    }

    private async Task OnStart(CancellationToken cancellationToken)
    {
        clock.Follow(await Join(cancellationToken));
        LogClock(clock.GetUtcNow(), clock.Speed);
        _keeping = Keep(_stopping.Token);
    }

    /// <summary>
    /// Retries for a while: this stage runs beside the one in which the silo itself becomes active, and when
    /// several silos of a new cluster start together, none may yet be able to host the clock grain — the call
    /// then fails with "no active nodes" for a moment, and failing here would stop the silo's start.
    /// </summary>
    private async Task<ClockSettings> Join(CancellationToken cancellationToken)
    {
        var configuredSpeed = clock.Speed;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Store.Join(configuredSpeed);
            }
            catch (OrleansException failure) when (attempt < MaxJoinAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogJoinRetry(failure, attempt);
                await Task.Delay(JoinRetryDelay, cancellationToken);
            }
        }
    }

    private async Task Keep(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(PollEvery);
        for (var polls = 0; await WaitForNextPoll(timer, stopping); polls++)
        {
            try
            {
                if (await Store.GetSettings() is { } line && clock.Follow(line))
                {
                    LogFollowed(line.Speed, line.AnchorReal, line.Version);
                }
                if (polls % CheckpointEveryPolls == 0)
                {
                    // The epoch first: read after it, the time is of that epoch or a newer one, never an older one.
                    var epoch = clock.Settings.Epoch;
                    await Store.Checkpoint(clock.GetUtcNow(), epoch);
                }
            }
            catch (Exception failure) when (!stopping.IsCancellationRequested)
            {
                // The clock grain may be moving to another silo: this silo's clock runs on its line meanwhile,
                // and the loop must outlive the failure, or the silo would stop hearing of speed changes.
                LogPollFailed(failure);
            }
        }
    }

    private static async Task<bool> WaitForNextPoll(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_keeping is not null)
        {
            await _keeping.WaitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Joining the county clock failed (attempt {Attempt}); retrying")]
    private partial void LogJoinRetry(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock at {Now:u}, running at {Speed}x real time")]
    private partial void LogClock(DateTimeOffset now, double speed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the county clock at {Speed}x from {SwitchAt:u} real time (version {Version})")]
    private partial void LogFollowed(double speed, DateTimeOffset switchAt, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the county clock failed; trying again in a second")]
    private partial void LogPollFailed(Exception exception);
}
