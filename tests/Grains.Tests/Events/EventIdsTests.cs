using GridActors.Grains.Events;

namespace GridActors.Grains.Tests.Events;

public sealed class EventIdsTests
{
    [Fact]
    public void FromIdempotencyKey_SameCallerAndKey_IsTheSameId()
    {
        Assert.Equal(EventIds.FromIdempotencyKey("worker:W0001", "k-1"), EventIds.FromIdempotencyKey("worker:W0001", "k-1"));
    }

    [Fact]
    public void FromIdempotencyKey_OtherCallerOrKey_IsAnotherId()
    {
        var id = EventIds.FromIdempotencyKey("worker:W0001", "k-1");

        Assert.NotEqual(id, EventIds.FromIdempotencyKey("worker:W0002", "k-1"));
        Assert.NotEqual(id, EventIds.FromIdempotencyKey("worker:W0001", "k-2"));
    }

    [Fact]
    public void New_IsUniqueEachTime()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => EventIds.New()).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }
}
