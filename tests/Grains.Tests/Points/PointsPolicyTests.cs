using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;

namespace GridActors.Grains.Tests.Points;

public sealed class PointsPolicyTests
{
    private static readonly PointsPolicy Policy = PointsPolicy.LoadEmbedded();
    private static readonly Party Worker = new(PartyKinds.Worker, "W0005");
    private static readonly Party Handler = new(PartyKinds.Worker, "W0006");

    private static CaseFacts Facts(PointsFact fact, Party? reporter = null, Party? handler = null, bool grabbed = false, bool onTime = false, string occurrence = "") =>
        new(fact, "E1", "fenglu-01-01", reporter ?? Worker, handler ?? Handler, grabbed, onTime, occurrence);

    [Fact]
    public void AwardsFor_AcceptedWorkerReport_PaysTheReporterTwo()
    {
        var award = Assert.Single(Policy.AwardsFor(Facts(PointsFact.Accepted)));

        Assert.Equal(("W0005", 2, "report-accepted:E1"), (award.ParticipantId, award.Points, award.Key));
        Assert.Equal(20, award.DailyCap);
    }

    [Fact]
    public void AwardsFor_FactWithATime_StampsEveryAwardWithIt()
    {
        var at = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(8));

        var awards = Policy.AwardsFor(Facts(PointsFact.Closed, grabbed: true, onTime: true) with { At = at });

        Assert.All(awards, a => Assert.Equal(at, a.At));
    }

    [Fact]
    public void AwardsFor_AcceptedCitizenReport_PaysFiveToThePrefixedLedger()
    {
        var award = Assert.Single(Policy.AwardsFor(Facts(PointsFact.Accepted, reporter: new Party(PartyKinds.Citizen, "alice"))));

        Assert.Equal(("C-alice", 5), (award.ParticipantId, award.Points));
    }

    [Theory]
    [InlineData("hotline")]
    [InlineData("camera")]
    [InlineData("township")]
    public void AwardsFor_ReportsFromFeedsAndOperators_PayNobody(string kind)
    {
        Assert.Empty(Policy.AwardsFor(Facts(PointsFact.Accepted, reporter: new Party(kind, "x"))));
    }

    [Fact]
    public void AwardsFor_ClosedOnTimeAfterAGrab_PaysHandlerBranchAndGrabBonus()
    {
        var awards = Policy.AwardsFor(Facts(PointsFact.Closed, grabbed: true, onTime: true));

        Assert.Equal(
            [("W0006", 3, "closed-on-time"), ("W0006", 1, "grabbed-case-closed"), ("P-fenglu-01-01", 1, "branch-case-closed")],
            awards.Select(a => (a.ParticipantId, a.Points, a.Rule)));
    }

    [Fact]
    public void AwardsFor_ClosedLate_PaysOnlyTheBranch()
    {
        var awards = Policy.AwardsFor(Facts(PointsFact.Closed, onTime: false));

        Assert.Equal(["P-fenglu-01-01"], awards.Select(a => a.ParticipantId));
    }

    [Fact]
    public void AwardsFor_FailedVerificationsAndBreaches_DeductWithAKeyPerOccurrence()
    {
        var first = Assert.Single(Policy.AwardsFor(Facts(PointsFact.VerificationFailed, occurrence: "1")));
        var second = Assert.Single(Policy.AwardsFor(Facts(PointsFact.VerificationFailed, occurrence: "2")));
        var breach = Assert.Single(Policy.AwardsFor(Facts(PointsFact.StageOverdue, occurrence: "handle:1")));

        Assert.Equal((-1, -1, -2), (first.Points, second.Points, breach.Points));
        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal("stage-overdue:E1:handle:1", breach.Key);
    }

    [Fact]
    public void AwardsFor_ABreachOnADepartmentsCase_ChargesNoWorker()
    {
        Assert.Empty(Policy.AwardsFor(Facts(PointsFact.StageOverdue, handler: new Party(PartyKinds.Department, "public-security"), occurrence: "handle:1")));
    }
}
