using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A step whose write fails was not acknowledged, so it must not stand: the case (or the county clock) answers
/// afterwards as storage has it, and the caller's retry applies the step once. A cluster of its own, since its
/// storage fails on demand.
/// </summary>
public sealed class FailedWriteTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private const string CountyStored = "county-stored";
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            // The county's storage of this cluster alone: other clusters keep their own clock grain's state.
            silo.AddMemoryGrainStorage(CountyStored);
            silo.Services.AddGrainStorage(StorageNames.County, (sp, _) =>
                new FailingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(CountyStored)));
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ChangeSpeed_WhoseWriteFailed_LeavesTheClockAsItWas()
    {
        var grain = _cluster.Client.GetGrain<IClockGrain>($"clock-{Guid.NewGuid():N}");
        var joined = await grain.Join(configuredSpeed: 1);

        FailingGrainStorage.FailNextWriteOf(grain.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => grain.ChangeSpeed(60));
        var afterFailure = await grain.GetSettings();
        var retried = await grain.ChangeSpeed(60);

        Assert.Equal(joined, afterFailure);
        Assert.Equal((60d, joined.Version + 1), (retried.Speed, retried.Version));
    }
}
