using GridActors.Grains.Drills;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Tests.Drills;

/// <summary>The pure rules of drills: their ids, which cases a question covers, whose ledgers they pay, whom an erasure releases.</summary>
public sealed class DrillRulesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("load-2026-12-05", true)]
    [InlineData("0-9", true)]
    [InlineData("", false)]
    [InlineData("-a", false)]
    [InlineData("A", false)]
    [InlineData("a_b", false)]
    [InlineData("a b", false)]
    [InlineData("a%", false)]
    [InlineData("a\n", false)]
    public void IsValid_TakesLowerCaseLettersDigitsAndDashes_NotLeadingADash(string id, bool valid) =>
        Assert.Equal(valid, DrillIds.IsValid(id));

    [Fact]
    public void IsValid_SixtyFourCharactersAtMost() =>
        Assert.Equal((true, false), (DrillIds.IsValid(new string('a', 64)), DrillIds.IsValid(new string('a', 65))));

    [Fact]
    public void CaseSet_CountyTakesNoDrill_OneDrillOnlyItsOwn_AllDrillsEveryDrill()
    {
        string?[] drills = [null, "a", "a-b"];

        Assert.Equal([true, false, false], drills.Select(CaseSet.County.Matches));
        Assert.Equal([false, true, false], drills.Select(CaseSet.OfDrill("a").Matches));
        Assert.Equal([false, true, true], drills.Select(CaseSet.AllDrills.Matches));
        Assert.Equal(CaseSet.County, CaseSet.Of(null));
    }

    [Fact]
    public void AwardsFor_ADrillCase_PaysTheSameAwardsToTheDrillsLedgers()
    {
        var policy = PointsPolicy.LoadEmbedded();
        var facts = new CaseFacts(PointsFact.Closed, "E1", "fenglu-01-01", new Party(PartyKinds.Worker, "W0005"),
            new Party(PartyKinds.Worker, "W0006"), Grabbed: true, OnTime: true);

        var county = policy.AwardsFor(facts);
        var drill = policy.AwardsFor(facts with { Drill = "d1" });

        Assert.Equal(county.Select(a => a with { ParticipantId = $"drill:d1:{a.ParticipantId}" }), drill);
        Assert.All(drill, a => Assert.True(ParticipantIds.IsDrill(a.ParticipantId)));
        Assert.DoesNotContain(county, a => ParticipantIds.IsDrill(a.ParticipantId));
        Assert.False(ParticipantIds.InDrill("a-b", "W0001").StartsWith(ParticipantIds.DrillPrefix("a"), StringComparison.Ordinal));
    }

    [Fact]
    public void WorkersToRelease_TheAssigneeAndWhoeverAnUndeliveredOutboxNames()
    {
        var state = new EventState { Assignee = new Party(PartyKinds.Worker, "W0001") };
        CaseEffect[] undelivered = [new ReleaseTask("W0002"), new AssignTask("W0003"), new TrackDeadline("g", new("event", "E1"), 1, null)];

        var workers = CaseErasure.WorkersToRelease(state, undelivered);
        var department = CaseErasure.WorkersToRelease(new EventState { Assignee = new Party(PartyKinds.Department, "roads") }, []);

        Assert.Equal(["W0001", "W0002", "W0003"], workers.Order());
        Assert.Empty(department);
    }
}
