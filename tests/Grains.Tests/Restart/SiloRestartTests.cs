using GridActors.Grains.Clock;
using GridActors.Grains.Deadlines;
using GridActors.Grains.Events.Store;
using GridActors.Grains.ReadModel;
using Orleans.Serialization;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Cluster;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Restart;

/// <summary>
/// A silo that dies with armed deadlines: after a new silo starts, on storage that outlived the first, the
/// deadlines fire. A cluster of its own, since it stops its only silo.
/// </summary>
public sealed class SiloRestartTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>One store instance for every silo of the test: it outlives a silo as a database would.</summary>
    private static readonly InMemoryDeadlineStore Deadlines = new();

    /// <summary>Cases outlive the silo the same way; their rows go to a read model of the test's own.</summary>
    private static readonly InMemoryCaseStore Cases = new(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>(),
        new InMemoryEventReadModel(), Deadlines, new GridActors.Grains.Audit.InMemoryAuditTrail(), TimeProvider.System);

    [Fact]
    public async Task ArmedDeadlines_FireAfterTheSiloIsRestarted()
    {
        await using var cluster = CreateCluster();
        await cluster.DeployAsync();
        var grid = Grid(250);
        var id = NewId();
        await cluster.Client.GetGrain<IEventGrain>(id).Report(In(grid) with { Priority = Priority.Urgent });

        await cluster.RestartSiloAsync(cluster.Silos[0]);
        await cluster.InitializeClientAsync();
        Time.Advance(TimeSpan.FromHours(4.5));
        var armed = await cluster.Client.GetGrain<IDeadlineGrain>(grid.Grid.Id).GetArmed();
        await cluster.Client.GetGrain<IDeadlineGrain>(grid.Grid.Id).Tick();
        var overdue = await Eventually.Holds(async () => (await cluster.Client.GetGrain<IEventGrain>(id).GetView())!.Overdue);
        var after = (await cluster.Client.GetGrain<IEventGrain>(id).GetView())!;

        Assert.Contains(armed, d => d.Target == new AlarmTarget(AlarmTarget.Event, id));
        Assert.True(overdue);
        Assert.Equal(1, after.EscalationLevel);
        Assert.Contains(after.History, h => h.Action == EventAction.Breach);
    }

    private static InProcessTestCluster CreateCluster()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridActors();
            silo.Services.AddGrainStorage(StorageNames.County, (sp, _) => new ProcessWideGrainStorage(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
            silo.Services.AddSingleton<ICaseStore>(Cases);
            silo.Services.AddGrainStorage(StorageNames.Workers, (sp, _) => new ProcessWideGrainStorage(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
            silo.Services.AddSingleton<IDeadlineStore>(Deadlines);
            silo.Services.AddSingleton(new GridClock(Time, speed: 1));
        });
        return builder.Build();
    }
}
