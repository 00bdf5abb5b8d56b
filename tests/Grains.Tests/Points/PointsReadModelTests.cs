using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class PointsReadModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Totals_CountEarningsInThePeriodButNotRedemptions()
    {
        var model = new InMemoryPointsReadModel();
        model.Project("W0001", new LedgerEntry(T0.AddHours(1), 210, "closed-on-time", "E1", "k1"));
        model.Project("W0001", new LedgerEntry(T0.AddHours(2), -200, "redeem:subsidy-voucher-100", "subsidy-voucher-100", "redeem:r1"));
        model.Project("W0001", new LedgerEntry(T0.AddDays(40), 3, "closed-on-time", "E2", "k2"));
        model.Project("W0001", new LedgerEntry(T0.AddHours(1), 210, "closed-on-time", "E1", "k1"));

        var totals = await model.Totals(T0, T0.AddDays(30));

        Assert.Equal(210, totals["W0001"]);
    }
}
