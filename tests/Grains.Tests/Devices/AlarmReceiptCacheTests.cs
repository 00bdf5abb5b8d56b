using GridActors.Grains.Devices;
using GridActors.Grains.Events.Store;

namespace GridActors.Grains.Tests.Devices;

public sealed class AlarmReceiptCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    private static AlarmReceipt Receipt(int second) => new("CAM0001", $"a{second}", T0.AddSeconds(second), "E1", false, 42, false);

    [Fact]
    public void FewerReceiptsThanItHolds_MeansItKnowsEveryAlarm()
    {
        var cache = new AlarmReceiptCache([Receipt(1), Receipt(2)]);

        Assert.False(cache.MayHaveForgotten(T0));
        Assert.NotNull(cache.Find("a2"));
        Assert.Null(cache.Find("a3"));
    }

    [Fact]
    public void AFullLoad_MayHaveForgottenWhatIsOlderThanItsOldest()
    {
        var cache = new AlarmReceiptCache([.. Enumerable.Range(100, AlarmReceiptCache.Capacity).Select(Receipt)]);

        Assert.True(cache.MayHaveForgotten(T0.AddSeconds(100)));
        Assert.False(cache.MayHaveForgotten(T0.AddSeconds(101)));
    }

    [Fact]
    public void Eviction_MovesTheHorizonUpToTheEvictedAlarm_EvenOneRaisedLate()
    {
        var cache = new AlarmReceiptCache([]);
        cache.Add(Receipt(500));
        foreach (var second in Enumerable.Range(1, AlarmReceiptCache.Capacity))
        {
            cache.Add(Receipt(second));
        }

        Assert.Null(cache.Find("a500"));
        Assert.True(cache.MayHaveForgotten(T0.AddSeconds(500)));
        Assert.False(cache.MayHaveForgotten(T0.AddSeconds(501)));
        Assert.NotNull(cache.Find("a1"));
    }
}
