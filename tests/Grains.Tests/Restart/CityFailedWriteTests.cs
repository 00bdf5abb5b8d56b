using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Tests.Topology;

namespace GridActors.Grains.Tests.Restart;

/// <summary>A mode switch whose write failed does not stand, not even in the city's memory.</summary>
[Collection(FailingStorageCollection.Name)]
public sealed class CityFailedWriteTests(FailingStorageFixture fixture)
{
    private ICityGrain City => fixture.Grains.GetGrain<ICityGrain>(Chengjiang.Topology.City.Id);

    [Fact]
    public async Task SetMode_WriteFails_LeavesTheModesAsStoredAndTheRetrySwitchesOnce()
    {
        // Each test of this cluster switches a township of its own.
        var township = Chengjiang.Topology.Document.Townships[1].Id;
        var before = await City.GetModes();

        FailingGrainStorage.FailNextWriteOf(City.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => City.SetMode(township, OperatingMode.Emergency, "city:chengjiang", subject: null, reason: null));
        var afterFailure = await City.GetModes();
        var effectiveAfterFailure = await City.GetEffectiveMode(township);
        var retried = await City.SetMode(township, OperatingMode.Emergency, "city:chengjiang", subject: null, reason: null);

        Assert.Equal(OperatingMode.Routine, afterFailure.Townships[township]);
        Assert.Equal(OperatingMode.Routine, effectiveAfterFailure);
        Assert.Equal(before.History, afterFailure.History);
        Assert.Equal(OperatingMode.Emergency, retried.Townships[township]);
        Assert.Single(retried.History, h => h.Scope == township);
        Assert.Equal(before.History.Count + 1, retried.History.Count);
    }
}
