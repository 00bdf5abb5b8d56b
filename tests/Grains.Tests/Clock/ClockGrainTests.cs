using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Tests.Cluster;

namespace GridActors.Grains.Tests.Clock;

/// <summary>How a silo's join tells a running cluster from one that starts again; each test has a clock key of its own.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClockGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan LongerThanAStop = ClockGrain.ClusterStoppedAfter + TimeSpan.FromMinutes(1);

    private IClockGrain NewClock() => fixture.Grains.GetGrain<IClockGrain>($"clock-{Guid.NewGuid():N}");

    [Fact]
    public async Task Join_ARunningClock_KeepsItsSpeedWhateverTheSiloIsConfiguredWith()
    {
        var clock = NewClock();
        var started = await clock.Join(configuredSpeed: 3600);

        var joined = await clock.Join(configuredSpeed: 60);

        Assert.Equal(started, joined);
    }

    [Fact]
    public async Task Join_AfterTheClusterStopped_ContinuesFromTheCheckpointAtTheConfiguredSpeed()
    {
        var clock = NewClock();
        var started = await clock.Join(configuredSpeed: 3600);
        var reached = started.AnchorSimulated.AddDays(3);
        await clock.Checkpoint(reached, started.Epoch);
        await fixture.Cluster.DeactivateAsync(clock);
        ClusterFixture.Time.Advance(LongerThanAStop);

        var restarted = await clock.Join(configuredSpeed: 60);

        Assert.Equal(reached, restarted.AnchorSimulated);
        Assert.Equal(ClusterFixture.Time.GetUtcNow(), restarted.AnchorReal);
        Assert.Equal((60d, started.Version + 1), (restarted.Speed, restarted.Version));
    }

    [Fact]
    public async Task Join_AfterTheGrainMovedUnderRunningSilos_KeepsTheLine()
    {
        var clock = NewClock();
        var started = await clock.Join(configuredSpeed: 3600);
        await fixture.Cluster.DeactivateAsync(clock);
        ClusterFixture.Time.Advance(LongerThanAStop);

        var polled = await clock.GetSettings();
        var joined = await clock.Join(configuredSpeed: 60);

        Assert.Equal(started, polled);
        Assert.Equal(started, joined);
    }

    [Fact]
    public async Task Restart_StoresTheNewEpoch_AndRefusesASpeedOutOfRangeWithoutChangingIt()
    {
        var clock = NewClock();
        var started = await clock.Join(configuredSpeed: 3600);
        var from = new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var restarted = await clock.Restart(from, speed: 20_000);
        var polled = await clock.GetSettings();

        Assert.Equal(restarted, polled);
        Assert.Equal((from, started.Version + 1, started.Epoch + 1), (restarted.AnchorSimulated, restarted.Version, restarted.Epoch));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.Restart(from, speed: GridClock.MaxSpeed * 2));
        Assert.Equal(restarted, await clock.GetSettings());
    }

    [Fact]
    public async Task Restart_ThenAStop_AJoinContinuesFromTheNewEpochsCheckpoint_NotFromASiloStillOnTheOldLine()
    {
        var clock = NewClock();
        var started = await clock.Join(configuredSpeed: 3600);
        var from = new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var restarted = await clock.Restart(from, speed: 20_000);
        var speededUp = await clock.ChangeSpeed(40_000);
        // A silo a poll behind still reads the old epoch's time, years later than the period it plays.
        await clock.Checkpoint(started.AnchorSimulated.AddDays(1), started.Epoch);
        await clock.Checkpoint(from.AddDays(2), restarted.Epoch);
        await fixture.Cluster.DeactivateAsync(clock);
        ClusterFixture.Time.Advance(LongerThanAStop);

        var joined = await clock.Join(configuredSpeed: 60);

        Assert.Equal(restarted.Epoch, speededUp.Epoch);
        Assert.Equal((from.AddDays(2), restarted.Epoch), (joined.AnchorSimulated, joined.Epoch));
    }
}
