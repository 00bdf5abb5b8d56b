using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Tests.Clock;

public sealed class CountyTimeTests
{
    private static readonly DateTimeOffset Real = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Simulated = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_AfterTheAnchor_RunsAtTheSpeed()
    {
        var line = new ClockSettings(Simulated, Real, Speed: 3600, PreviousSpeed: 1, Version: 1);

        var now = CountyTime.At(line, Real.AddSeconds(24));

        Assert.Equal(Simulated.AddDays(1), now);
    }

    [Fact]
    public void At_BeforeTheAnchor_RunsAtThePreviousSpeed()
    {
        var line = new ClockSettings(Simulated, Real, Speed: 3600, PreviousSpeed: 60, Version: 2);

        var now = CountyTime.At(line, Real.AddSeconds(-1));

        Assert.Equal(Simulated.AddMinutes(-1), now);
    }

    [Fact]
    public void ChangeSpeed_KeepsTheLineUntilTheSwitch_ThenRunsAtTheNewSpeed()
    {
        var line = CountyTime.Start(Real, checkpoint: Simulated, speed: 3600, version: 4);
        var changedAt = Real.AddSeconds(10);

        var changed = CountyTime.ChangeSpeed(line, changedAt, speed: 60);
        var switchAt = changedAt + CountyTime.SwitchLead;

        Assert.Equal(5, changed.Version);
        Assert.Equal((60d, 3600d), (changed.Speed, changed.PreviousSpeed));
        Assert.Equal(switchAt, changed.AnchorReal);
        Assert.Equal(CountyTime.At(line, changedAt), CountyTime.At(changed, changedAt));
        Assert.Equal(CountyTime.At(line, switchAt), CountyTime.At(changed, switchAt));
        Assert.Equal(CountyTime.At(line, switchAt).AddMinutes(1), CountyTime.At(changed, switchAt.AddSeconds(1)));
    }

    [Fact]
    public void Start_BehindTheCheckpoint_ContinuesFromTheCheckpoint()
    {
        var line = CountyTime.Start(Real, checkpoint: Simulated, speed: 3600, version: 3);

        Assert.Equal(new ClockSettings(Simulated, Real, 3600, 3600, 3), line);
    }

    [Fact]
    public void Start_AheadOfTheCheckpoint_StartsAtRealTime()
    {
        var line = CountyTime.Start(Real, checkpoint: Real.AddHours(-3), speed: 1, version: 1);

        Assert.Equal(Real, CountyTime.At(line, Real));
    }

    [Fact]
    public void RealDuration_AcrossTheSwitch_AddsTheTimeAtEachSpeed()
    {
        var line = new ClockSettings(Simulated, Real, Speed: 60, PreviousSpeed: 3600, Version: 2);
        var oneSecondBeforeSwitch = Simulated.AddHours(-1);

        var before = CountyTime.RealDuration(line, oneSecondBeforeSwitch, TimeSpan.FromMinutes(30));
        var across = CountyTime.RealDuration(line, oneSecondBeforeSwitch, TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2));
        var after = CountyTime.RealDuration(line, Simulated, TimeSpan.FromMinutes(2));

        Assert.Equal(TimeSpan.FromSeconds(0.5), before);
        Assert.Equal(TimeSpan.FromSeconds(3), across);
        Assert.Equal(TimeSpan.FromSeconds(2), after);
    }

    [Fact]
    public void Restart_StandsAtTheGivenTimeForTheLead_ThenRunsAtItsSpeed_InANewEpoch()
    {
        var line = new ClockSettings(Simulated, Real, Speed: 60, PreviousSpeed: 1, Version: 4, Epoch: 1);
        var from = new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var restartedAt = Real.AddMinutes(5);

        var restarted = CountyTime.Restart(line, restartedAt, from, speed: 20_000);

        // Within the lead it moves a hundredth of real time: less than a second, always before the period starts.
        var duringLead = CountyTime.At(restarted, restartedAt);
        Assert.InRange(duringLead, from - TimeSpan.FromSeconds(1), from - TimeSpan.FromTicks(1));
        Assert.Equal(from, CountyTime.At(restarted, restartedAt + CountyTime.SwitchLead));
        Assert.Equal(from.AddSeconds(40_000), CountyTime.At(restarted, restartedAt + CountyTime.SwitchLead + TimeSpan.FromSeconds(2)));
        Assert.Equal((5L, 2L), (restarted.Version, restarted.Epoch));
    }

    [Fact]
    public void ChangeSpeedAndStart_StayInTheEpochOfTheLineTheyContinue()
    {
        var line = new ClockSettings(Simulated, Real, Speed: 60, PreviousSpeed: 1, Version: 4, Epoch: 3);

        var changed = CountyTime.ChangeSpeed(line, Real.AddMinutes(1), speed: 600);
        var started = CountyTime.Start(Real.AddHours(1), checkpoint: Simulated, speed: 60, version: 6, epoch: line.Epoch);

        Assert.Equal((5L, 3L), (changed.Version, changed.Epoch));
        Assert.Equal((6L, 3L), (started.Version, started.Epoch));
    }

    [Fact]
    public void Start_OfACountySetToAnEarlierTime_ContinuesFromItsCheckpoint_NotFromTheRealTime()
    {
        var periodReached = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var firstEpoch = CountyTime.Start(Real, checkpoint: periodReached, speed: 60, version: 2, epoch: 0);
        var setEpoch = CountyTime.Start(Real, checkpoint: periodReached, speed: 60, version: 2, epoch: 1);

        Assert.Equal(Real, firstEpoch.AnchorSimulated);
        Assert.Equal(periodReached, setEpoch.AnchorSimulated);
    }
}
