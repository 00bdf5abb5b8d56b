using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>Operators merge a case into another and unmerge it; the case checks the one it merges into.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MergeTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private async Task<string> Reported(ReportDraft draft)
    {
        var id = NewId();
        await Event(id).Report(draft);
        return id;
    }

    private static EventCommand MergeInto(string into) => By(EventAction.Merge) with { Into = into };

    [Fact]
    public async Task TwoCasesMergedIntoEachOther_AtOnce_BothStandOnTheirOwnAgain()
    {
        var a = await Reported(In(Grid(350)));
        var b = await Reported(In(Grid(350)));

        await Task.WhenAll(Event(a).Act(MergeInto(b)), Event(b).Act(MergeInto(a)));

        Assert.True(await Eventually.Holds(async () =>
        {
            var (viewA, viewB) = ((await Event(a).GetView())!, (await Event(b).GetView())!);
            // Whichever merge lost its race was refused; the cases must never end up waiting on each other.
            return !(viewA.Status == EventStatus.Merged && viewB.Status == EventStatus.Merged)
                && (viewA.Status != EventStatus.Merged || viewA.DuplicateOf == b)
                && (viewB.Status != EventStatus.Merged || viewB.DuplicateOf == a);
        }));
    }

    [Fact]
    public async Task Merge_ADrillsCaseIntoTheCountys_IsRefused()
    {
        var county = await Reported(In(Grid(351)));
        var drill = await Reported(In(Grid(351)) with { Drill = "merge-drill" });

        var outcome = await Event(drill).Act(MergeInto(county));

        Assert.Equal(ActionResult.Conflict, outcome.Result);
        Assert.NotEqual(EventStatus.Merged, (await Event(drill).GetView())!.Status);
    }

    [Fact]
    public async Task Merge_StopsTheCasesClocks_AndUnmerge_StartsThemOver()
    {
        var into = await Reported(In(Grid(352)));
        var other = await Reported(In(Grid(352)));

        var merged = await Event(other).Act(MergeInto(into));
        var unmerged = await Event(other).Act(By(EventAction.Unmerge));

        Assert.Equal(EventStatus.Merged, merged.Event!.Status);
        Assert.Empty(merged.Event.Deadlines);
        Assert.Null(merged.Event.WholeDueAt);
        Assert.Equal(EventStatus.Reported, unmerged.Event!.Status);
        Assert.Contains(unmerged.Event.Deadlines, d => d.Stage == "whole");
    }
}
