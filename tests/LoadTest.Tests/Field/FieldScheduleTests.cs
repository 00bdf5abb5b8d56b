using GridActors.LoadTest.Field;

namespace GridActors.LoadTest.Tests.Field;

public sealed class FieldScheduleTests
{
    [Fact]
    public void Arrivals_TenThousandReports_EachIndexOnceInOrder()
    {
        var arrivals = new FieldSchedule(events: 10_000, rate: 200).Arrivals().ToList();

        var indexes = arrivals.SelectMany(a => Enumerable.Range(a.FirstIndex, a.Count)).ToList();
        Assert.Equal(Enumerable.Range(0, 10_000), indexes);
    }

    [Fact]
    public void Arrivals_AtTwoHundredASecond_LastArrivalNearFiftySeconds()
    {
        var arrivals = new FieldSchedule(events: 10_000, rate: 200).Arrivals().ToList();

        Assert.InRange(arrivals[^1].AtSeconds, 47, 53);
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(p => p.Second.AtSeconds >= p.First.AtSeconds));
    }

    [Fact]
    public void Arrivals_TheMix_WorkersMostlySomeCamerasAndBatchesOfFiveToTwenty()
    {
        var arrivals = new FieldSchedule(events: 50_000, rate: 200).Arrivals().ToList();
        double Share(ArrivalKind kind) => arrivals.Count(a => a.Kind == kind) / (double)arrivals.Count;

        Assert.InRange(Share(ArrivalKind.Camera), 0.13, 0.17);
        Assert.InRange(Share(ArrivalKind.Batch), 0.01, 0.03);
        Assert.All(arrivals.Where(a => a.Kind != ArrivalKind.Batch), a => Assert.Equal(1, a.Count));
        Assert.All(arrivals.Where(a => a.Kind == ArrivalKind.Batch).SkipLast(1), a => Assert.InRange(a.Count, 5, 20));
    }

    [Fact]
    public void Arrivals_ABatchAtTheEnd_CutToWhatIsLeft()
    {
        var arrivals = new FieldSchedule(events: 3, rate: 10, seed: SeedWhoseFirstArrivalIsABatch()).Arrivals().ToList();

        Assert.Equal(ArrivalKind.Batch, arrivals[0].Kind);
        Assert.Equal(3, arrivals[0].Count);
    }

    [Fact]
    public void Arrivals_TheSameSeedTwice_TheSameDay() =>
        Assert.Equal(new FieldSchedule(1_000, 50, seed: 7).Arrivals(), new FieldSchedule(1_000, 50, seed: 7).Arrivals());

    [Fact]
    public void Rework_OverManyCases_AboutOneInTwentyAndTheSameEachTime()
    {
        var schedule = new FieldSchedule(events: 20_000, rate: 200);

        var reworked = Enumerable.Range(0, 20_000).Count(schedule.Rework);

        Assert.InRange(reworked, 800, 1_200);
        Assert.Equal(reworked, Enumerable.Range(0, 20_000).Count(new FieldSchedule(20_000, 200).Rework));
    }

    [Theory]
    [InlineData("dispatch", 0.2, 1.0)]
    [InlineData("start", 0.5, 2.0)]
    [InlineData("resolve", 1.0, 3.0)]
    [InlineData("verify", 0.5, 1.5)]
    public void Think_EachAction_WithinItsRange(string action, double shortest, double longest)
    {
        var schedule = new FieldSchedule(events: 1_000, rate: 200);

        var thinks = Enumerable.Range(0, 1_000).Select(i => schedule.Think(i, action).TotalSeconds).ToList();

        Assert.All(thinks, t => Assert.InRange(t, shortest, longest));
        Assert.True(thinks.Max() - thinks.Min() > (longest - shortest) / 2, "the pauses vary from case to case");
    }

    private static int SeedWhoseFirstArrivalIsABatch() =>
        Enumerable.Range(0, 10_000).First(seed => new Random(seed).NextDouble() < FieldSchedule.BatchShare);
}
