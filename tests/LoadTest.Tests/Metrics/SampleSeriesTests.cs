using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Tests.Metrics;

public sealed class SampleSeriesTests
{
    private static DrillSample At(double seconds) => new(seconds, 0, 0, 0, 0, 0, 0, 0, null, null);

    private static SampleSeries Fed(int capacity, int seconds)
    {
        var series = new SampleSeries(capacity);
        for (var s = 1; s <= seconds; s++)
        {
            if (series.Due(s))
            {
                series.Add(At(s));
            }
        }
        return series;
    }

    [Fact]
    public void Add_BelowCapacity_ASampleEverySecond()
    {
        var series = Fed(capacity: 100, seconds: 60);

        Assert.Equal(Enumerable.Range(1, 60).Select(s => (double)s), series.Snapshot().Select(s => s.Seconds));
        Assert.Equal(1, series.Every);
    }

    [Fact]
    public void Add_AThirtyMinuteDrillIntoTwoThousand_KeptAllAtOneASecond()
    {
        var series = Fed(capacity: 2_000, seconds: 1_800);

        Assert.Equal(1_800, series.Snapshot().Count);
    }

    [Fact]
    public void Add_ADayIntoTwoThousand_BoundedAndEvenlySpreadOverTheWholeRun()
    {
        var series = Fed(capacity: 2_000, seconds: 86_400);
        var samples = series.Snapshot();
        var gaps = samples.Zip(samples.Skip(1), (a, b) => b.Seconds - a.Seconds).Distinct().ToList();

        Assert.InRange(samples.Count, 1_000, 2_000);
        Assert.Equal(1, samples[0].Seconds);
        Assert.True(samples[^1].Seconds > 86_400 - 2 * series.Every);
        Assert.Single(gaps);
        Assert.Equal(series.Every, gaps[0]);
    }

    [Fact]
    public void Due_ATickAHairEarly_StillDue()
    {
        var series = new SampleSeries();
        series.Add(At(1));

        Assert.True(series.Due(1.999));
        Assert.False(series.Due(1.5));
    }
}
