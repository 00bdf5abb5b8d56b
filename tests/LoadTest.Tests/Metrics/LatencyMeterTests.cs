using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Tests.Metrics;

public sealed class LatencyMeterTests
{
    [Fact]
    public void Whole_BeforeARoll_Empty()
    {
        var meter = new LatencyMeter();
        meter.Record(TimeSpan.FromMilliseconds(5));

        Assert.Equal(0, meter.Whole().Count);
    }

    [Fact]
    public void Roll_OneToAHundredMilliseconds_PercentilesWithinThreeDigits()
    {
        var meter = new LatencyMeter();
        for (var ms = 1; ms <= 100; ms++)
        {
            meter.Record(TimeSpan.FromMilliseconds(ms));
        }

        var interval = meter.Roll();
        var whole = meter.Whole();

        Assert.Equal(100, interval.Count);
        Assert.Equal(whole, interval);
        Assert.Equal(50, whole.P50Ms, 0.1);
        Assert.Equal(99, whole.P99Ms, 0.1);
        Assert.Equal(100, whole.MaxMs, 0.1);
        Assert.Equal(50.5, whole.MeanMs, 0.1);
    }

    [Fact]
    public void Roll_Twice_TheIntervalHoldsOnlyTheNewOnesAndTheWholeBoth()
    {
        var meter = new LatencyMeter();
        meter.Record(TimeSpan.FromMilliseconds(1));
        meter.Roll();
        meter.Record(TimeSpan.FromMilliseconds(300));

        var interval = meter.Roll();

        Assert.Equal(1, interval.Count);
        Assert.Equal(300, interval.MaxMs, 0.5);
        Assert.Equal(2, meter.Whole().Count);
    }

    [Fact]
    public void Record_LongerThanTenMinutes_CountedAtTheLongest()
    {
        var meter = new LatencyMeter();
        meter.Record(TimeSpan.FromHours(1));
        meter.Roll();

        Assert.Equal(600_000.0, meter.Whole().MaxMs, 600.0);
    }

    [Fact]
    public void Buckets_ThreeValues_InTheirOneTwoFiveBucketsWithoutEmptyEnds()
    {
        var meter = new LatencyMeter();
        meter.Record(TimeSpan.FromMilliseconds(1.5));
        meter.Record(TimeSpan.FromMilliseconds(1.8));
        meter.Record(TimeSpan.FromMilliseconds(40));
        meter.Roll();

        var buckets = meter.Buckets();

        Assert.Equal([2, 5, 10, 20, 50], buckets.Select(b => b.UpToMs));
        Assert.Equal([2L, 0, 0, 0, 1], buckets.Select(b => b.Count));
    }

    [Fact]
    public void Record_FromManyThreads_EveryValueCounted()
    {
        var meter = new LatencyMeter();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                meter.Record(TimeSpan.FromMicroseconds(i));
            }
        });
        meter.Roll();

        Assert.Equal(80_000, meter.Whole().Count);
    }
}
