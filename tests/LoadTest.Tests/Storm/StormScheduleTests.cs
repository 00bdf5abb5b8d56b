using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class StormScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);

    private static StormSchedule Schedule(int devices = 40, int seconds = 6, int kinds = 1, int batch = 64) =>
        new([.. Enumerable.Range(0, devices).Select(d => $"dev-{d:D4}")], seconds, kinds, batch, "storm-test", Start);

    [Fact]
    public void Count_FortyDevicesForSixSeconds_TwoHundredFortyAlarmsInFourBatches()
    {
        var schedule = Schedule();

        Assert.Equal(240, schedule.Count);
        Assert.Equal(4, schedule.Batches);
    }

    [Fact]
    public void Alarm_InIndexOrder_BySecondThenDevice()
    {
        var schedule = Schedule(devices: 3, seconds: 2);

        var order = Enumerable.Range(0, schedule.Count).Select(i => (schedule.Alarm(i).At, schedule.Alarm(i).DeviceId)).ToList();

        Assert.Equal(
            [(Start.AddSeconds(-2), "dev-0000"), (Start.AddSeconds(-2), "dev-0001"), (Start.AddSeconds(-2), "dev-0002"),
             (Start.AddSeconds(-1), "dev-0000"), (Start.AddSeconds(-1), "dev-0001"), (Start.AddSeconds(-1), "dev-0002")],
            order);
    }

    [Fact]
    public void BatchRange_EveryBatch_ConsecutiveCoveringEachAlarmOnceTheLastWhatIsLeft()
    {
        var schedule = Schedule(batch: 64);

        var ranges = Enumerable.Range(0, schedule.Batches).Select(b => schedule.BatchRange(b).GetOffsetAndLength(schedule.Count)).ToList();

        Assert.Equal(Enumerable.Range(0, schedule.Count), ranges.SelectMany(r => Enumerable.Range(r.Offset, r.Length)));
        Assert.All(ranges.SkipLast(1), r => Assert.Equal(64, r.Length));
        Assert.Equal(240 - 3 * 64, ranges[^1].Length);
    }

    [Fact]
    public void Alarm_EveryIndex_UniqueIdsOfTheDrillMarkedWithIt()
    {
        var schedule = Schedule();

        var alarms = Enumerable.Range(0, schedule.Count).Select(schedule.Alarm).ToList();

        Assert.Equal(alarms.Count, alarms.Select(a => a.AlarmId).Distinct().Count());
        Assert.All(alarms, a => Assert.StartsWith("storm-test-", a.AlarmId, StringComparison.Ordinal));
        Assert.All(alarms, a => Assert.Equal("storm-test", a.Drill));
        Assert.All(alarms, a => Assert.StartsWith("https://", a.SnapshotUrl, StringComparison.Ordinal));
    }

    [Fact]
    public void Alarm_EveryIndex_InTheSecondsBeforeTheStart()
    {
        var schedule = Schedule(seconds: 60);

        var times = Enumerable.Range(0, schedule.Count).Select(i => schedule.Alarm(i).At).ToList();

        Assert.All(times, at => Assert.True(at < Start, $"{at:O} is not before the start"));
        Assert.Equal(Start.AddSeconds(-60), times.Min());
        Assert.Equal(Start.AddSeconds(-1), times.Max());
    }

    [Fact]
    public void Alarm_AStartWithinASecond_WholeSecondsAllBeforeIt()
    {
        var start = Start.AddMilliseconds(700);
        var schedule = new StormSchedule(["dev-a", "dev-b"], seconds: 3, kinds: 1, batch: 10, "storm-test", start);

        var times = Enumerable.Range(0, schedule.Count).Select(i => schedule.Alarm(i).At).ToList();

        Assert.All(times, at => Assert.Equal(0, at.Ticks % TimeSpan.TicksPerSecond));
        Assert.All(times, at => Assert.True(at < start));
        Assert.Equal(Start.AddSeconds(-3), times.Min());
    }

    [Fact]
    public void Alarm_OneKind_EveryDeviceRaisesIntrusion()
    {
        var schedule = Schedule(kinds: 1);

        Assert.All(Enumerable.Range(0, schedule.Count), i => Assert.Equal("intrusion", schedule.Alarm(i).Kind));
    }

    [Fact]
    public void Alarm_TwoKinds_EachDeviceAlternatesSecondBySecond()
    {
        var schedule = Schedule(devices: 5, seconds: 4, kinds: 2);

        var kindsOfDevice0 = Enumerable.Range(0, 4).Select(second => schedule.Alarm(second * 5).Kind);
        var pairs = Enumerable.Range(0, schedule.Count).Select(schedule.PairOf).Distinct().Count();

        Assert.Equal(["intrusion", "crowd", "intrusion", "crowd"], kindsOfDevice0);
        Assert.Equal(10, pairs);
    }

    [Fact]
    public void Alarm_TheSameIndexTwice_TheSameAlarm()
    {
        Assert.Equal(Schedule().Alarm(123), Schedule().Alarm(123));
        Assert.NotEqual(Schedule().Alarm(123), Schedule().Alarm(124));
    }

    [Fact]
    public void Sample_OnePercentOfTheDefaultStorm_DistinctSpreadAndTheSameEachTime()
    {
        var schedule = Schedule(devices: 4000, seconds: 60, batch: 1000);

        var sample = schedule.Sample(0.01);

        Assert.Equal(2400, sample.Count);
        Assert.Equal(sample.Count, sample.Distinct().Count());
        Assert.All(sample, i => Assert.InRange(i, 0, schedule.Count - 1));
        Assert.True(sample.Select(i => i % 4000).Distinct().Count() > 1000, "the sample reaches many devices");
        Assert.True(sample.Select(i => i / 4000).Distinct().Count() == 60, "the sample reaches every second");
        Assert.Equal(sample, schedule.Sample(0.01));
    }

    [Fact]
    public void Sample_ShareZero_Nothing() => Assert.Empty(Schedule().Sample(0));
}
