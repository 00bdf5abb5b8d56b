using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>Grid volunteers take chores from the grab list or by dispatch, work them like a handler and earn points.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VolunteerCaseTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private IWorkerGrain Worker(string id) => fixture.Grains.GetGrain<IWorkerGrain>(id);

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

    [Fact]
    public async Task Dispatch_FromAWorkerToAVolunteer_ReleasesTheWorkersTask()
    {
        var grid = Grid(125);
        var worker = grid.Grid.Workers[0].Id;
        var volunteer = VolunteerOf(125);
        var chore = await Report(In(grid, category: "rural-environment"));
        var township = new Party(PartyKinds.Township, grid.Township.Id);

        await Event(chore.Id).Act(new EventCommand(EventAction.Dispatch, township, WorkerId: worker));
        var held = await Eventually.Holds(async () => (await Worker(worker).GetView()).OpenTaskIds.Contains(chore.Id));
        var moved = await Event(chore.Id).Act(new EventCommand(EventAction.Dispatch, township, VolunteerId: volunteer.Id));
        var released = await Eventually.Holds(async () => !(await Worker(worker).GetView()).OpenTaskIds.Contains(chore.Id));

        Assert.True(held, "the worker held the chore first");
        Assert.Equal(volunteer, moved.Event!.Assignee);
        Assert.True(released, "the worker's task was released once the chore went to the volunteer");
    }

    [Fact]
    public async Task AVolunteer_ReturnsAChoreItCannotDo_AndAFailedCheckSendsItBackToThemWithTheCharge()
    {
        var volunteer = VolunteerOf(126);
        var returned = await Report(In(Grid(126), category: "sanitary-city"));
        var reworked = await Report(In(Grid(126), category: "sanitary-city"));
        foreach (var id in new[] { returned.Id, reworked.Id })
        {
            await Event(id).Act(GrabBy(volunteer));
            await Event(id).Act(new EventCommand(EventAction.Start, volunteer));
        }

        var back = await Event(returned.Id).Act(new EventCommand(EventAction.Return, volunteer, Note: "需要工具，志愿者无法处理"));
        await Event(reworked.Id).Act(new EventCommand(EventAction.Resolve, volunteer));
        var failed = await Event(reworked.Id).Act(By(EventAction.Verify, passed: false));
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(volunteer.Id);
        var charged = await Eventually.Holds(async () =>
            (await ledger.GetView()).Entries.Any(e => e.Ref == reworked.Id && e.Rule == "verification-failed" && e.Points == -1));

        Assert.Equal((EventStatus.Accepted, (Party?)null), (back.Event!.Status, back.Event.Assignee));
        Assert.Equal((EventStatus.Dispatched, volunteer, 1), (failed.Event!.Status, failed.Event.Assignee, failed.Event.ReworkCount));
        Assert.True(charged, "the failed verification is charged to the volunteer's ledger");
    }

    [Fact]
    public async Task TheCase_RefusesAVolunteerNamedWhereNoneBelongs()
    {
        var grid = Grid(127);
        var volunteer = VolunteerOf(127);
        var chore = await Report(In(grid, category: "sanitary-city"));
        var worker = new Party(PartyKinds.Worker, grid.Grid.Workers[0].Id);
        var township = new Party(PartyKinds.Township, grid.Township.Id);

        var workerGrab = await Event(chore.Id).Act(new EventCommand(EventAction.Grab, worker, WorkerId: worker.Id, VolunteerId: volunteer.Id));
        var operatorGrab = await Event(chore.Id).Act(new EventCommand(EventAction.Grab, township, VolunteerId: volunteer.Id));
        var twoTargets = await Event(chore.Id).Act(new EventCommand(EventAction.Dispatch, township, WorkerId: worker.Id, VolunteerId: volunteer.Id));

        Assert.Equal([ActionResult.Forbidden, ActionResult.Forbidden, ActionResult.Forbidden], new[] { workerGrab.Result, operatorGrab.Result, twoTargets.Result });
        Assert.Equal((EventStatus.Grabbing, (Party?)null), ((await Event(chore.Id).GetView())!.Status, (await Event(chore.Id).GetView())!.Assignee));
    }
}
