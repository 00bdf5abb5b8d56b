using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace GridActors.Storage.Tests.RoundTrips;

/// <summary>
/// The county's storage — the Orleans ADO.NET provider running the statements of our migrations — called
/// directly, for the ETag rules that keep two activations of one grain from overwriting each other.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class AdoNetGrainStorageTests(PostgresSiloFixture fixture)
{
    private const string StateName = "clock";

    private IGrainStorage Storage => fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.County);

    private static GrainId NewGrain() => GrainId.Create("clock", $"etag-test-{Guid.NewGuid():N}");

    private static GrainState<ClockState> At(int minute, string? etag) =>
        new(new ClockState { SimulatedNow = new DateTimeOffset(2026, 3, 2, 1, minute, 0, TimeSpan.Zero) }, etag);

    [Fact]
    public async Task WriteStateAsync_NamingAVersionThatMovedOn_FailsWithInconsistentState()
    {
        var grain = NewGrain();
        var first = At(1, etag: null);
        await Storage.WriteStateAsync(StateName, grain, first);
        await Storage.WriteStateAsync(StateName, grain, At(2, first.ETag));

        // A second activation that read the first version and never saw the second.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, At(3, first.ETag)));
        var read = new GrainState<ClockState>();
        await Storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal(("1", "2"), (first.ETag, read.ETag));
        Assert.Equal(2, read.State!.SimulatedNow.Minute);
    }

    [Fact]
    public async Task WriteStateAsync_FirstWriteOfAGrainThatHasState_FailsWithInconsistentState()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, At(1, etag: null));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, At(7, etag: null)));
    }

    [Fact]
    public async Task WriteStateAsync_FromTheVersionItRead_ComesBackWithTheNextVersion()
    {
        var grain = NewGrain();
        var first = At(1, etag: null);
        await Storage.WriteStateAsync(StateName, grain, first);
        var second = At(2, first.ETag);
        await Storage.WriteStateAsync(StateName, grain, second);

        var read = new GrainState<ClockState>();
        await Storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal((true, "2", 2), (read.RecordExists, read.ETag, read.State!.SimulatedNow.Minute));
        Assert.Equal("2", second.ETag);
    }
}
