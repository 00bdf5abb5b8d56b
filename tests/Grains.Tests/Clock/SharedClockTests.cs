using System.Globalization;
using GridActors.Grains.Clock;
using GridActors.Grains.Tests.Cluster;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GridActors.Grains.Tests.Clock;

/// <summary>
/// Two silos on real time sped up 3600 times, each with a container and a <see cref="GridClock"/> of its own:
/// they read one county time, and a speed change made through one reaches the other before it takes effect.
/// A cluster of its own per test, since the test changes the county's speed.
/// </summary>
public sealed class SharedClockTests : IAsyncLifetime
{
    private const double ClusterSpeed = 3600;
    private const double JoiningSiloSpeed = 60;
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        // The first silo starts the clock; the second is configured otherwise and must not change it.
        var silosConfigured = 0;
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clock:Speed"] = (Interlocked.Increment(ref silosConfigured) == 1 ? ClusterSpeed : JoiningSiloSpeed).ToString(CultureInfo.InvariantCulture),
        }));
        builder.ConfigureSilo((_, silo) => silo.AddGridActors());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        await _cluster.StartAdditionalSiloAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private GridClock ClockOf(int silo) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<GridClock>();

    [Fact]
    public void GetUtcNow_OnTwoSilos_ReadsOneCountyTimeAtTheClustersSpeed()
    {
        var (first, second) = (ClockOf(0), ClockOf(1));

        var before = first.GetUtcNow();
        var other = second.GetUtcNow();
        var after = first.GetUtcNow();

        Assert.NotSame(first, second);
        Assert.InRange(other, before, after);
        Assert.Equal((ClusterSpeed, ClusterSpeed), (first.Speed, second.Speed));
    }

    [Fact]
    public async Task ChangeSpeed_ThroughOneSilo_ReachesTheOtherBeforeItTakesEffect()
    {
        var (first, second) = (ClockOf(0), ClockOf(1));

        var changed = await _cluster.Silos[0].ServiceProvider.GetRequiredService<ClockKeeper>().ChangeSpeed(600);
        var followed = await Eventually.Holds(() => Task.FromResult(second.Settings == changed), within: TimeSpan.FromSeconds(5));
        var switched = await Eventually.Holds(() => Task.FromResult(first.RealNow() > changed.AnchorReal), within: TimeSpan.FromSeconds(5));
        var before = first.GetUtcNow();
        var other = second.GetUtcNow();
        var after = first.GetUtcNow();

        Assert.True(followed);
        Assert.True(switched);
        Assert.Equal((600d, 600d), (first.Speed, second.Speed));
        // A silo that ran on at 3600x past the switch would now be ahead, holding, rather than on the line.
        Assert.InRange(other, before, after);
    }
}
