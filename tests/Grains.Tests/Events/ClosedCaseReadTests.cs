using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>
/// Reading a finished case is one state read: its activation finds nothing left to deliver, so it calls no shard,
/// no worker and no ledger, however many steps the case took.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClosedCaseReadTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetView_ClosedCaseActivatedAgain_MakesNoGrainCall()
    {
        var id = NewId();
        var grain = fixture.Grains.GetGrain<IEventGrain>(id);
        await grain.Report(In(Grid(266)));
        foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
        {
            Assert.Equal(ActionResult.Done, (await grain.Act(step)).Result);
        }
        var source = grain.GetGrainId();
        await grain.DeliverPending();
        var before = CallsBySource.MadeBy(source).Count;

        await fixture.Cluster.DeactivateAsync(grain);
        var view = (await grain.GetView())!;
        var after = CallsBySource.MadeBy(source).Count;

        Assert.Equal(EventStatus.Closed, view.Status);
        Assert.True(before > 0, "the steps themselves told the shard, the worker and the ledgers");
        Assert.Equal(before, after);
    }
}
