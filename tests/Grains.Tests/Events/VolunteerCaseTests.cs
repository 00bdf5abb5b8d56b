using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>Grid volunteers take chores from the grab list or by dispatch, work them like a handler and earn points.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VolunteerCaseTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private async Task<EventView> Report(ReportDraft draft) => (await Event(NewId()).Report(draft)).Event!;

    private static Party VolunteerOf(int gridIndex, int nth = 0) =>
        new(PartyKinds.Volunteer, Chengjiang.Topology.VolunteersOf(Grid(gridIndex).Grid.Id)[nth]);

    private static EventCommand GrabBy(Party volunteer) => new(EventAction.Grab, volunteer, VolunteerId: volunteer.Id);

    [Fact]
    public async Task Grab_AVolunteerOfTheGrid_TakesTheChore_WorksIt_AndIsPaidOnTheClose()
    {
        var volunteer = VolunteerOf(120);
        var view = await Report(In(Grid(120), category: "sanitary-city"));

        var grabbed = await Event(view.Id).Act(GrabBy(volunteer));
        var started = await Event(view.Id).Act(new EventCommand(EventAction.Start, volunteer));
        var resolved = await Event(view.Id).Act(new EventCommand(EventAction.Resolve, volunteer, Note: "已清理"));
        var closed = await Event(view.Id).Act(By(EventAction.Verify, passed: true));

        Assert.Equal((ActionResult.Done, EventStatus.Dispatched, volunteer), (grabbed.Result, grabbed.Event!.Status, grabbed.Event.Assignee));
        Assert.Equal(EventStatus.InProgress, started.Event!.Status);
        Assert.Equal(EventStatus.Resolved, resolved.Event!.Status);
        Assert.Equal(EventStatus.Closed, closed.Event!.Status);
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(volunteer.Id);
        Assert.True(await Eventually.Holds(async () => (await ledger.GetView()).Entries.Count(e => e.Ref == view.Id) == 2));
        var earned = (await ledger.GetView()).Entries.Where(e => e.Ref == view.Id).ToDictionary(e => e.Rule, e => e.Points);
        Assert.Equal(new Dictionary<string, int> { ["closed-on-time"] = 3, ["grabbed-case-closed"] = 1 }, earned);
    }

    [Fact]
    public async Task Grab_AVolunteerOfAnotherGrid_IsForbidden_AndTheChoreStaysOnTheList()
    {
        var view = await Report(In(Grid(121), category: "sanitary-city"));

        var outcome = await Event(view.Id).Act(GrabBy(VolunteerOf(122)));

        Assert.Equal(ActionResult.Forbidden, outcome.Result);
        Assert.Equal(EventStatus.Grabbing, (await Event(view.Id).GetView())!.Status);
    }

    [Fact]
    public async Task Grab_AnUrgentChore_IsRefusedToVolunteers_WithTheReason()
    {
        var view = await Report(In(Grid(121), category: "sanitary-city") with { Priority = Priority.Urgent });

        var outcome = await Event(view.Id).Act(GrabBy(VolunteerOf(121)));

        Assert.Equal(ActionResult.Conflict, outcome.Result);
        Assert.Contains("workers", outcome.Reason);
        Assert.Equal(EventStatus.Grabbing, outcome.Event!.Status);
    }

    [Fact]
    public async Task Dispatch_ToAVolunteer_AssignsTheChore_ButNotAHazard()
    {
        var volunteer = VolunteerOf(123);
        var chore = await Report(In(Grid(123), category: "civilised-city"));
        var hazard = await Report(In(Grid(123)));
        var township = new Party(PartyKinds.Township, Grid(123).Township.Id);

        var toChore = await Event(chore.Id).Act(new EventCommand(EventAction.Dispatch, township, VolunteerId: volunteer.Id));
        var toHazard = await Event(hazard.Id).Act(new EventCommand(EventAction.Dispatch, township, VolunteerId: volunteer.Id));

        Assert.Equal((ActionResult.Done, volunteer, false), (toChore.Result, toChore.Event!.Assignee, toChore.Event.Status == EventStatus.Grabbing));
        Assert.Equal(ActionResult.Conflict, toHazard.Result);
        Assert.Equal(hazard.Assignee, toHazard.Event!.Assignee);
    }

    [Fact]
    public async Task Dispatch_ToAVolunteerOutsideTheOperatorsArea_IsForbidden()
    {
        var chore = await Report(In(Grid(124), category: "civilised-city"));
        var otherTownship = Chengjiang.Topology.Grids.First(g => g.Township.Id != Grid(124).Township.Id);
        var stranger = Chengjiang.Topology.VolunteersOf(otherTownship.Grid.Id)[0];
        var township = new Party(PartyKinds.Township, Grid(124).Township.Id);

        var outcome = await Event(chore.Id).Act(new EventCommand(EventAction.Dispatch, township, VolunteerId: stranger));

        Assert.Equal(ActionResult.Forbidden, outcome.Result);
    }

    [Fact]
    public async Task Start_AVolunteerWhoDoesNotHoldTheCase_IsForbidden()
    {
        var view = await Report(In(Grid(124)));

        var outcome = await Event(view.Id).Act(new EventCommand(EventAction.Start, VolunteerOf(124)));

        Assert.Equal(ActionResult.Forbidden, outcome.Result);
        Assert.Equal(EventStatus.Dispatched, (await Event(view.Id).GetView())!.Status);
    }
}
