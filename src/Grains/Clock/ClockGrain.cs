using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Topology;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Clock;

/// <summary>
/// Holds the county clock's line for every silo. Every change is decided on a copy of the state, written, and
/// only then applied, so a failed write leaves the clock as it was and the caller's error says so.
/// </summary>
public sealed partial class ClockGrain(
    [PersistentState("clock", StorageNames.County)] IPersistentState<ClockState> state,
    GridClock clock,
    ILogger<ClockGrain> logger) : Grain, IClockGrain
{
    /// <summary>
    /// A checkpoint this old means no silo was running: silos record one every few seconds, and this is longer
    /// than Orleans takes to declare a dead silo and bring the grain back on another one.
    /// </summary>
    public static readonly TimeSpan ClusterStoppedAfter = TimeSpan.FromMinutes(1);

    /// <summary>Some silo has spoken to this activation, so the cluster runs and its line stands.</summary>
    private bool _running;

    public async Task<ClockSettings> Join(double configuredSpeed)
    {
        var realNow = clock.RealNow();
        if (state.State.Settings is { } running && (_running || realNow - state.State.CheckpointedAt < ClusterStoppedAfter))
        {
            _running = true;
            if (configuredSpeed != running.Speed)
            {
                LogJoinedAtRunningSpeed(configuredSpeed, running.Speed);
            }
            return running;
        }
        // The whole cluster starts: from where it stopped, not from where the old line would be by now, which
        // would skip the downtime times the speed; at the speed the (first) silo is configured with.
        var checkpoint = state.RecordExists ? state.State.SimulatedNow : (DateTimeOffset?)null;
        var started = CountyTime.Start(realNow, checkpoint, configuredSpeed, (state.State.Settings?.Version ?? 0) + 1,
            state.State.Settings?.Epoch ?? 0);
        await Save(new ClockState { SimulatedNow = started.AnchorSimulated, CheckpointedAt = realNow, Settings = started });
        _running = true;
        LogStarted(started.AnchorSimulated, started.Speed, started.Version);
        return started;
    }

    public Task<ClockSettings?> GetSettings()
    {
        _running = true;
        return Task.FromResult(state.State.Settings);
    }

    public async Task<ClockSettings> ChangeSpeed(double speed)
    {
        CheckSpeed(speed);
        var current = state.State.Settings ?? throw new InvalidOperationException("No silo has started the county clock yet.");
        var changed = CountyTime.ChangeSpeed(current, clock.RealNow(), speed);
        await Save(new ClockState { SimulatedNow = state.State.SimulatedNow, CheckpointedAt = state.State.CheckpointedAt, Settings = changed });
        _running = true;
        LogSpeedChanged(current.Speed, changed.Speed, changed.AnchorReal, changed.Version);
        return changed;
    }

    public async Task<ClockSettings> Restart(DateTimeOffset from, double speed)
    {
        CheckSpeed(speed);
        var current = state.State.Settings ?? throw new InvalidOperationException("No silo has started the county clock yet.");
        var realNow = clock.RealNow();
        var restarted = CountyTime.Restart(current, realNow, from, speed);
        // The checkpoint goes back with it: it is where a restarted cluster would continue.
        await Save(new ClockState { SimulatedNow = from, CheckpointedAt = realNow, Settings = restarted });
        _running = true;
        LogRestarted(from, speed, restarted.Version, restarted.Epoch);
        return restarted;
    }

    private static void CheckSpeed(double speed)
    {
        if (speed is not (>= GridClock.MinSpeed and <= GridClock.MaxSpeed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"The county clock runs at {GridClock.MinSpeed} to {GridClock.MaxSpeed}.");
        }
    }

    public async Task Checkpoint(DateTimeOffset simulatedNow, long epoch)
    {
        _running = true;
        // A silo a poll behind a restart still reads the old epoch's (later) time: it is not where the county is.
        if (state.RecordExists && (simulatedNow <= state.State.SimulatedNow || epoch < (state.State.Settings?.Epoch ?? 0)))
        {
            return;
        }
        await Save(new ClockState { SimulatedNow = simulatedNow, CheckpointedAt = clock.RealNow(), Settings = state.State.Settings });
    }

    private async Task Save(ClockState next)
    {
        var current = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = current;
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock started at {From:u}, {Speed}x real time (version {Version})")]
    private partial void LogStarted(DateTimeOffset from, double speed, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock goes from {OldSpeed}x to {NewSpeed}x at {SwitchAt:u} real time (version {Version})")]
    private partial void LogSpeedChanged(double oldSpeed, double newSpeed, DateTimeOffset switchAt, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "County clock set to {From:u}, {Speed}x real time (version {Version}, epoch {Epoch})")]
    private partial void LogRestarted(DateTimeOffset from, double speed, long version, long epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "A silo configured for {ConfiguredSpeed}x joins the county clock running at {RunningSpeed}x")]
    private partial void LogJoinedAtRunningSpeed(double configuredSpeed, double runningSpeed);
}

[GenerateSerializer, Alias("GridActors.ClockState")]
public sealed class ClockState
{
    /// <summary>The latest simulated time a silo recorded: where a restarted cluster continues.</summary>
    [Id(0)] public DateTimeOffset SimulatedNow { get; set; }

    /// <summary>The real time of that record, which tells a running cluster from a stopped one.</summary>
    [Id(1)] public DateTimeOffset CheckpointedAt { get; set; }

    /// <summary>The line every silo follows; null in a record from before the clock was shared.</summary>
    [Id(2)] public ClockSettings? Settings { get; set; }
}
