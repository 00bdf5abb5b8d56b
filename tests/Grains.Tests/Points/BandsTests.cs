using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class BandsTests
{
    private static IEnumerable<RankedEntry> Scores(params double[] scores) =>
        scores.Select((score, i) => new RankedEntry($"e{i:D2}", $"entry {i}", score));

    [Fact]
    public void Split_TwentyEntries_RedTopTenPercentBlackBottomAndYellowJustAboveBlack()
    {
        var boards = Bands.Split(Scores([.. Enumerable.Range(1, 20).Select(i => (double)i)]), share: 0.1);

        Assert.Equal([20.0, 19.0], boards.Red.Select(e => e.Score));
        Assert.Equal([4.0, 3.0], boards.Yellow.Select(e => e.Score));
        Assert.Equal([2.0, 1.0], boards.Black.Select(e => e.Score));
    }

    [Fact]
    public void Split_FewEntries_StillFillsEachBoardOnce()
    {
        var boards = Bands.Split(Scores(5, 9, 1, 7), share: 0.1);

        Assert.Equal([9.0], boards.Red.Select(e => e.Score));
        Assert.Equal([5.0], boards.Yellow.Select(e => e.Score));
        Assert.Equal([1.0], boards.Black.Select(e => e.Score));
    }

    [Fact]
    public void Split_Ties_KeepIdOrder()
    {
        var boards = Bands.Split(Scores(3, 3, 3), share: 0.1);

        Assert.Equal("e00", boards.Red[0].Id);
        Assert.Equal("e02", boards.Black[0].Id);
    }
}
