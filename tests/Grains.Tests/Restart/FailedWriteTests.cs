using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A step whose write fails was not acknowledged, so it must not stand: the case answers afterwards as storage
/// has it, and the caller's retry applies the step once. A cluster of its own, since its storage fails on demand.
/// </summary>
public sealed class FailedWriteTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            silo.Services.AddGrainStorage(StorageNames.Events, (sp, _) =>
                new FailingGrainStorage(new ProcessWideGrainStorage(sp.GetRequiredService<Serializer>())));
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AStepWhoseWriteFailed_IsNotApplied_AndItsRetryIsAppliedOnce()
    {
        var id = NewId();
        var grain = _cluster.Client.GetGrain<IEventGrain>(id);
        var reported = (await grain.Report(In(Grid(260)))).Event!;

        FailingGrainStorage.FailNextWriteOf(grain.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Act(By(EventAction.Start)));
        var afterFailure = (await grain.GetView())!;
        var retried = await grain.Act(By(EventAction.Start));
        var afterRetry = (await grain.GetView())!;

        Assert.Equal(EventStatus.Dispatched, afterFailure.Status);
        Assert.Equal(reported.Version, afterFailure.Version);
        Assert.Equal(EventStatus.InProgress, afterRetry.Status);
        Assert.Equal(reported.Version + 1, afterRetry.Version);
        Assert.Single(afterRetry.History, h => h.Action == EventAction.Start);
        Assert.Equal(ActionResult.Done, retried.Result);
    }
}
