using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Topology;
using Microsoft.Extensions.Time.Testing;

namespace GridActors.Grains.Tests.Clock;

public sealed class GridClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_RunsAtTheConfiguredSpeed()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 3600);

        real.Advance(TimeSpan.FromSeconds(24));

        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(1), clock.RealDelay(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void GetUtcNow_ClocksMadeAtDifferentTimesOnOneLine_ReadTheSameTime()
    {
        var real = new FakeTimeProvider(Start);
        var first = new GridClock(real, speed: 3600);
        real.Advance(TimeSpan.FromSeconds(7));
        var second = new GridClock(real, speed: 3600);
        var line = new ClockSettings(Start.AddDays(30), Start, 3600, 3600, Version: 1);

        first.Follow(line);
        second.Follow(line);
        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Start.AddDays(30).AddHours(8), first.GetUtcNow());
        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
    }

    [Fact]
    public void Follow_AnOlderLine_IsIgnored()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);
        var newer = new ClockSettings(Start, Start, 60, 60, Version: 3);

        var followedNewer = clock.Follow(newer);
        var followedOlder = clock.Follow(new ClockSettings(Start, Start, 600, 600, Version: 2));

        Assert.True(followedNewer);
        Assert.False(followedOlder);
        Assert.Equal(newer, clock.Settings);
    }

    [Fact]
    public void Follow_ALineBehindWhatTheClockShowed_HoldsItUntilTheLineCatchesUp()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);
        var shown = clock.GetUtcNow();

        clock.Follow(new ClockSettings(Start.AddMinutes(-1), Start, 1, 1, Version: 1));
        var held = clock.GetUtcNow();
        real.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(shown, held);
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Speed_WhileASwitchIsPending_IsTheNewSpeed_AndRealDelayCountsBothSpeeds()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 3600);
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, Start, speed: 60));

        var delay = clock.RealDelay(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        Assert.Equal(60, clock.Speed);
        Assert.Equal(CountyTime.SwitchLead + TimeSpan.FromSeconds(1), delay);
    }

    [Fact]
    public void At_AfterTwoSpeedChanges_ReadsEachInstantByTheLineThatRanThen()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, Start, speed: 60));      // 60× from Start + 2 s
        real.Advance(TimeSpan.FromSeconds(10));
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, real.GetUtcNow(), speed: 1)); // 1× again from Start + 12 s
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Start.AddSeconds(1), clock.At(Start.AddSeconds(1)));
        Assert.Equal(Start.AddSeconds(2 + 60 * 5), clock.At(Start.AddSeconds(7)));
        Assert.Equal(Start.AddSeconds(2 + 60 * 10 + 30), clock.At(Start.AddSeconds(42)));
    }

    [Fact]
    public void At_AfterAVersionItNeverHeardOf_ReadsWhatTheCountyReadOutsideTheMissedSecond()
    {
        var real = new FakeTimeProvider(Start);
        var county = new GridClock(real, speed: 1);
        var silo = new GridClock(real, speed: 1);
        county.Follow(CountyTime.ChangeSpeed(county.Settings, Start, speed: 600));
        silo.Follow(county.Settings);
        real.Advance(TimeSpan.FromSeconds(5));
        county.Follow(CountyTime.ChangeSpeed(county.Settings, real.GetUtcNow(), speed: 60)); // the silo misses this one
        real.Advance(TimeSpan.FromSeconds(1));
        var latest = CountyTime.ChangeSpeed(county.Settings, real.GetUtcNow(), speed: 1);
        county.Follow(latest);
        silo.Follow(latest);
        real.Advance(TimeSpan.FromSeconds(30));

        // Up to the missed line's switch (Start + 7 s) the silo reads what the county read; in the second from there
        // to the latest's switch it reads on at the older speed, and from that switch on exactly again.
        Assert.Equal(Start.AddSeconds(2 + 600 * 3), silo.At(Start.AddSeconds(5)));
        Assert.Equal(Start.AddSeconds(2 + 600 * 4.9), silo.At(Start.AddSeconds(6.9)));
        Assert.Equal(Start.AddSeconds(2 + 600 * 5 + 60 * 1 + 12), silo.At(Start.AddSeconds(20)));
    }

    [Fact]
    public void At_BeforeTheCountysLineWasJoined_ReadsByTheCountysLine()
    {
        var real = new FakeTimeProvider(Start);
        var silo = new GridClock(real, speed: 3600);                   // its own line until it joins
        real.Advance(TimeSpan.FromSeconds(20));
        var county = new ClockSettings(Start.AddDays(30), Start.AddSeconds(10), 60, 60, Version: 4);

        silo.Follow(county);

        Assert.Equal(CountyTime.At(county, Start.AddSeconds(5)), silo.At(Start.AddSeconds(5)));
    }

    [Fact]
    public void At_LongerAgoThanItRemembers_ForgetsTheLinesThatEndedBefore()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, Start, speed: 60));            // 60× from Start + 2 s
        real.Advance(TimeSpan.FromSeconds(10));
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, real.GetUtcNow(), speed: 1));  // 1× from Start + 12 s
        real.Advance(GridClock.RememberedPast + TimeSpan.FromSeconds(5));
        var rememberedFrom = real.GetUtcNow() - GridClock.RememberedPast;                  // Start + 15 s, at 1×
        var remembered = clock.At(rememberedFrom);
        clock.Follow(CountyTime.ChangeSpeed(clock.Settings, real.GetUtcNow(), speed: 5));

        // The line that ran at the edge of what it remembers still reads its stretch; the two before it, which ended
        // earlier, are forgotten, so the first second is read back along the 1× line at the 60× it came from.
        Assert.Equal(remembered, clock.At(rememberedFrom));
        Assert.Equal(Start.AddSeconds(2 + 60 * 10 - 60 * 11), clock.At(Start.AddSeconds(1)));
    }

    [Fact]
    public void Follow_ALineOfANewEpoch_ReadsItsTimeEvenBehindWhatItHasShown()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);
        clock.Follow(new ClockSettings(Start, Start, 3600, 3600, Version: 1));
        real.Advance(TimeSpan.FromSeconds(10));
        var shown = clock.GetUtcNow();
        var periodStart = new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

        clock.Follow(CountyTime.Restart(clock.Settings, real.GetUtcNow(), periodStart, speed: 20_000));
        real.Advance(CountyTime.SwitchLead + TimeSpan.FromSeconds(1));

        Assert.Equal(Start.AddHours(10), shown);
        Assert.Equal(periodStart.AddSeconds(20_000), clock.GetUtcNow());
        Assert.Equal(periodStart.AddSeconds(20_000), clock.At(real.GetUtcNow()));
    }
}
