using GridActors.LoadTest.Cases;

namespace GridActors.LoadTest.Tests.Cases;

public sealed class DrillCensusTests
{
    private const string Drill = "drill-test";
    private const string Prefix = "drill-test case ";
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static (FakeCountyApi Api, List<DrillCase> Acked) County(int cases, string status = "closed")
    {
        var api = new FakeCountyApi();
        var acked = new List<DrillCase>();
        for (var i = 0; i < cases; i++)
        {
            var at = Start.AddMilliseconds(i * 3);
            api.Listed.Add(($"e{i}", $"{Prefix}{i}", status, at));
            api.Truth[$"e{i}"] = status;
            acked.Add(new DrillCase(i, $"e{i}", "dispatched", "w", at));
        }
        return (api, acked);
    }

    private static Task<CensusResult> Take(FakeCountyApi api, List<DrillCase> acked, bool expectClosed = true) =>
        new DrillCensus(api.Client(), Drill, Prefix, settleWithin: TimeSpan.FromSeconds(1), pollEvery: TimeSpan.FromMilliseconds(20)).TakeAsync(acked, expectClosed, TestContext.Current.CancellationToken);

    [Fact]
    public async Task TakeAsync_EveryCaseOnceAndClosed_NothingLostOrDoubled()
    {
        var (api, acked) = County(1_000);

        var census = await Take(api, acked);

        Assert.Equal(new CensusResult(1_000, 0, 0, 0, 0, false), census);
    }

    [Fact]
    public async Task TakeAsync_TwoCasesForOneReportAndAnotherDrillsCases_OneDuplicateOthersIgnored()
    {
        var (api, acked) = County(500);
        api.Listed.Add(("dup", $"{Prefix}17", "closed", Start.AddMilliseconds(100)));
        api.Listed.Add(("other", "drill-other case 17", "closed", Start.AddMilliseconds(100)));
        api.Listed.Add(("marker", "marker ab12 3", "reported", Start.AddMilliseconds(100)));

        var census = await Take(api, acked);

        Assert.Equal(1, census.Duplicates);
        Assert.Equal(501, census.Listed);
    }

    [Fact]
    public async Task TakeAsync_AnAcknowledgedCaseGoneAndOneOpen_BothLost()
    {
        var (api, acked) = County(300);
        api.Listed.RemoveAll(c => c.Id == "e5");
        api.Truth.Remove("e5");
        var seventh = api.Listed.FindIndex(c => c.Id == "e7");
        api.Listed[seventh] = api.Listed[seventh] with { Status = "in_progress" };
        api.Truth["e7"] = "in_progress";

        var census = await Take(api, acked);

        Assert.Equal((1L, 1L, 2L), (census.NotFound, census.NotClosed, census.Lost));
    }

    [Fact]
    public async Task TakeAsync_TheListingTrailsButTheCaseIsClosed_NotLost()
    {
        var (api, acked) = County(300);
        api.Listed[9] = api.Listed[9] with { Status = "resolved" };

        var census = await Take(api, acked);

        Assert.Equal(0, census.Lost);
    }

    [Fact]
    public async Task TakeAsync_LoopOff_OpenCasesAreNotLost()
    {
        var (api, acked) = County(200, status: "dispatched");

        var census = await Take(api, acked, expectClosed: false);

        Assert.Equal(0, census.Lost);
    }

    [Fact]
    public async Task TakeAsync_ACaseFiledWithoutItsAcknowledgement_CountedApart()
    {
        var (api, acked) = County(100);
        acked.RemoveAt(40);

        var census = await Take(api, acked);

        Assert.Equal((1L, 0L, 0L), (census.Unacknowledged, census.Duplicates, census.Lost));
    }

    [Fact]
    public async Task TakeAsync_FiveThousandCases_EveryOneFoundInPagesOfAtMostTwoHundred()
    {
        var (api, acked) = County(5_000);

        var census = await Take(api, acked);

        Assert.Equal(5_000, census.Listed);
        Assert.Equal(0, census.Lost);
        Assert.InRange(api.ListingRequests, 5_000 / CaseListing.PageSize, 5_000 / CaseListing.PageSize * 3);
    }
}
