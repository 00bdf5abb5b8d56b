using GridActors.Grains.Clock;
using Microsoft.Extensions.Time.Testing;

namespace GridActors.Grains.Tests.Sla;

public sealed class GridClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_RunsAtTheConfiguredSpeed()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 3600);

        real.Advance(TimeSpan.FromSeconds(24));

        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(1), clock.RealDelay(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ContinueFrom_MovesForwardButNeverBack()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new GridClock(real, speed: 1);

        clock.ContinueFrom(Start.AddHours(5));
        var afterForward = clock.GetUtcNow();
        clock.ContinueFrom(Start.AddHours(1));
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Start.AddHours(5), afterForward);
        Assert.Equal(Start.AddHours(5).AddMinutes(1), clock.GetUtcNow());
    }
}
