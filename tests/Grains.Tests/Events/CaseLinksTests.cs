using GridActors.Grains.Events;
using GridActors.Grains.Events.Steps;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>What a step owes the spatial index and a case's duplicates, read from the case before and after it.</summary>
public sealed class CaseLinksTests
{
    private static readonly GeoPoint Spot = new(24.6701, 102.9085);

    private static EventState Case(EventStatus status, bool located = true, string? duplicateOf = null, params string[] duplicates) => new()
    {
        Report = In(Grid(0)) with { Location = located ? Spot : null },
        Status = status,
        DuplicateOf = duplicateOf,
        Duplicates = [.. duplicates],
    };

    [Fact]
    public void ALocatedReport_EntersTheIndex_AndLeavesItWhenItFinishes()
    {
        var reported = CaseLinks.Effects("E1", null, Case(EventStatus.Dispatched)).ToList();
        var closed = CaseLinks.Effects("E1", Case(EventStatus.Resolved), Case(EventStatus.Closed)).ToList();

        Assert.IsType<IndexSpot>(Assert.Single(reported));
        Assert.IsType<UnindexSpot>(Assert.Single(closed));
    }

    [Fact]
    public void AnUnlocatedReport_OrADrillsReport_NeverEntersTheIndex()
    {
        var drill = Case(EventStatus.Dispatched);
        drill.Report = drill.Report! with { Drill = "d-1" };

        Assert.Empty(CaseLinks.Effects("E1", null, Case(EventStatus.Dispatched, located: false)));
        Assert.Empty(CaseLinks.Effects("E1", null, drill));
    }

    [Fact]
    public void AMerge_LeavesTheIndexAndJoinsTheOriginal_AnUnmergeTheReverse()
    {
        var merge = CaseLinks.Effects("E2", Case(EventStatus.Dispatched), Case(EventStatus.Merged, duplicateOf: "E1")).ToList();
        var unmerge = CaseLinks.Effects("E2", Case(EventStatus.Merged, duplicateOf: "E1"), Case(EventStatus.Reported)).ToList();

        Assert.Equal([typeof(UnindexSpot), typeof(JoinOriginal)], merge.Select(e => e.GetType()));
        Assert.Equal([typeof(IndexSpot), typeof(LeaveOriginal)], unmerge.Select(e => e.GetType()));
    }

    [Fact]
    public void AFinishingCase_TellsEachDuplicate_AndAFinishedOneOnlyTheLateJoiner()
    {
        var closing = CaseLinks.Effects("E1", Case(EventStatus.Resolved, false, null, "E2", "E3"), Case(EventStatus.Closed, false, null, "E2", "E3")).ToList();
        var lateJoin = CaseLinks.Effects("E1", Case(EventStatus.Closed, false, null, "E2"), Case(EventStatus.Closed, false, null, "E2", "E4")).ToList();

        Assert.Equal([new TellDuplicate("E2", EventStatus.Closed), new TellDuplicate("E3", EventStatus.Closed)], closing);
        Assert.Equal([new TellDuplicate("E4", EventStatus.Closed)], lateJoin);
    }
}
