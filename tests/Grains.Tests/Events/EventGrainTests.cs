using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

[Collection(ClusterCollection.Name)]
public sealed class EventGrainTests(ClusterFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private IWorkerGrain Worker(string id) => fixture.Grains.GetGrain<IWorkerGrain>(id);

    private async Task<EventView> Report(ReportDraft draft) => (await Event(NewId()).Report(draft)).Event!;

    [Fact]
    public async Task Report_AutomaticDispatch_SpreadsCasesOverTheLeastLoadedOnDutyWorkers()
    {
        var grid = Grid(100);
        var workers = grid.Grid.Workers.Select(w => w.Id).ToList();

        var assignees = new List<string>();
        foreach (var _ in workers)
        {
            assignees.Add((await Report(In(grid))).Assignee!.Id);
        }

        Assert.Equal(workers.Order(), assignees.Order());
    }

    [Fact]
    public async Task Report_OffDutyWorkers_GetNothingNew()
    {
        var grid = Grid(101);
        var onDuty = grid.Grid.Workers[^1].Id;
        foreach (var worker in grid.Grid.Workers.SkipLast(1))
        {
            await Worker(worker.Id).SetDuty(false);
        }
        await Eventually.Holds(async () => (await fixture.Grains.GetGrain<Interfaces.Grids.IGridGrain>(grid.Grid.Id).GetView()).OnDutyWorkerIds.Count == 1);

        var first = await Report(In(grid));
        var second = await Report(In(grid));

        Assert.Equal(onDuty, first.Assignee!.Id);
        Assert.Equal(onDuty, second.Assignee!.Id);
        Assert.Equal(EventStatus.Dispatched, second.Status);
    }

    [Fact]
    public async Task Report_DepartmentCategory_GoesToTheOwningDepartment()
    {
        var owner = Chengjiang.Topology.Document.Departments.Single(d => d.Categories.Contains("fire-hazard"));

        var view = await Report(In(Grid(102), category: "fire-hazard"));

        Assert.Equal(new Party(PartyKinds.Department, owner.Id), view.Assignee);
        Assert.Equal(EventStatus.Dispatched, view.Status);
    }

    [Fact]
    public async Task Report_GrabCategory_OpensGrabbing()
    {
        var view = await Report(In(Grid(103), category: "sanitary-city"));

        Assert.Equal(EventStatus.Grabbing, view.Status);
        Assert.Null(view.Assignee);
    }

    [Fact]
    public async Task Report_NobodyOnDuty_OpensGrabbingAndTheVillageAssignsWhenTheWindowPasses()
    {
        var grid = Grid(104);
        foreach (var worker in grid.Grid.Workers)
        {
            await Worker(worker.Id).SetDuty(false);
        }
        await Eventually.Holds(async () => (await fixture.Grains.GetGrain<Interfaces.Grids.IGridGrain>(grid.Grid.Id).GetView()).OnDutyWorkerIds.Count == 0);

        var reported = await Report(In(grid));
        // The window runs on the county clock, which stands still in these tests until moved.
        ClusterFixture.Time.Advance(ClusterFixture.GrabWindow);
        var fellBack = await Eventually.Holds(async () => (await Event(reported.Id).GetView())!.Status == EventStatus.Dispatched,
            ClusterFixture.GrabWindow * 5);
        var after = (await Event(reported.Id).GetView())!;

        Assert.Equal(EventStatus.Grabbing, reported.Status);
        Assert.True(fellBack);
        Assert.Contains(after.History, h => h.Action == EventAction.GrabExpired);
        Assert.Equal(grid.Village.Id, Chengjiang.Topology.FindWorker(after.Assignee!.Id)!.Home.Village.Id);
        Assert.DoesNotContain(grid.Grid.Workers, w => w.Id == after.Assignee.Id);
    }

    [Fact]
    public async Task GrabWindows_ExpiringTogether_AreSpreadOverTheVillage()
    {
        var grid = Grid(105);
        foreach (var worker in grid.Grid.Workers)
        {
            await Worker(worker.Id).SetDuty(false);
        }
        await Eventually.Holds(async () => (await fixture.Grains.GetGrain<Interfaces.Grids.IGridGrain>(grid.Grid.Id).GetView()).OnDutyWorkerIds.Count == 0);

        var cases = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Report(In(grid))));
        ClusterFixture.Time.Advance(ClusterFixture.GrabWindow);
        await Eventually.Holds(async () =>
        {
            var views = await Task.WhenAll(cases.Select(c => Event(c.Id).GetView()));
            return views.All(v => v!.Status == EventStatus.Dispatched);
        }, ClusterFixture.GrabWindow * 5);
        var assignees = (await Task.WhenAll(cases.Select(c => Event(c.Id).GetView()))).Select(v => v!.Assignee?.Id).ToList();

        Assert.All(assignees, Assert.NotNull);
        Assert.Equal(3, assignees.Distinct().Count());
    }

    [Fact]
    public async Task Grab_DozensOfConcurrentCallers_HaveExactlyOneWinner()
    {
        var grid = Grid(110);
        var eligible = Chengjiang.Topology.NeighboursOf(grid.Grid.Id)
            .SelectMany(n => Chengjiang.Topology.FindGrid(n)!.Grid.Workers)
            .Concat(grid.Grid.Workers)
            .Select(w => w.Id)
            .ToList();
        var view = await Report(In(grid, category: "sanitary-city"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 48)
            .Select(i => Event(view.Id).Act(By(EventAction.Grab, workerId: eligible[i % eligible.Count]))));

        var winners = outcomes.Where(o => o.Result == ActionResult.Done).ToList();
        Assert.Single(winners);
        Assert.All(outcomes.Except(winners), o => Assert.Equal(ActionResult.Conflict, o.Result));
        var winner = winners[0].Event!.Assignee!.Id;
        // The worker hears from the step's outbox, delivered just after the answer.
        Assert.True(await Eventually.Holds(async () => (await Worker(winner).GetView()).OpenTaskIds.Contains(view.Id)));
        Assert.Equal(EventStatus.Dispatched, (await Event(view.Id).GetView())!.Status);
    }

    [Fact]
    public async Task Grab_WorkerOfADistantGrid_IsRefused()
    {
        var view = await Report(In(Grid(111), category: "sanitary-city"));
        var distant = Grid(400).Grid.Workers[0].Id;

        var outcome = await Event(view.Id).Act(By(EventAction.Grab, workerId: distant));

        Assert.Equal(ActionResult.Conflict, outcome.Result);
        Assert.Equal(EventStatus.Grabbing, outcome.Event!.Status);
    }

    [Fact]
    public async Task Report_ConcurrentDuplicates_MakeOneEvent_AndAnotherBodyConflicts()
    {
        var id = NewId();
        var draft = In(Grid(112));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Event(id).Report(draft)));
        var other = await Event(id).Report(draft with { Title = "Something else" });

        Assert.Single(outcomes, o => o.Result == ReportResult.Created);
        Assert.Equal(24, outcomes.Count(o => o.Result == ReportResult.Duplicate));
        Assert.All(outcomes, o => Assert.Equal(id, o.Event!.Id));
        Assert.Equal(ReportResult.Conflict, other.Result);
        Assert.Single((await Event(id).GetView())!.History, h => h.Action == EventAction.Report);
    }

    [Fact]
    public async Task Loop_FailedVerificationThenRework_ClosesAndReleasesTheWorker()
    {
        var view = await Report(In(Grid(113)));
        var handler = view.Assignee!.Id;
        var steps = new[]
        {
            By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: false),
            By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true),
        };

        var statuses = new List<EventStatus>();
        foreach (var step in steps)
        {
            statuses.Add((await Event(view.Id).Act(step)).Event!.Status);
        }
        var closed = (await Event(view.Id).GetView())!;

        Assert.Equal(
            [EventStatus.InProgress, EventStatus.Resolved, EventStatus.Dispatched, EventStatus.InProgress, EventStatus.Resolved, EventStatus.Closed],
            statuses);
        Assert.Equal(1, closed.ReworkCount);
        Assert.Equal(handler, closed.Assignee!.Id);
        Assert.NotNull(closed.ClosedAt);
        Assert.True(await Eventually.Holds(async () => !(await Worker(handler).GetView()).OpenTaskIds.Contains(view.Id)));
    }

    [Fact]
    public async Task FinishedCases_ListWhenTheyFinished_ClosedAtTheirClosureAndCancelledAtTheirCancellation()
    {
        var closing = await Report(In(Grid(411)));
        var cancelling = await Report(In(Grid(412)));
        foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
        {
            await Event(closing.Id).Act(step);
        }
        await Event(cancelling.Id).Act(By(EventAction.Cancel));
        var closed = (await Event(closing.Id).GetView())!;
        var cancelled = (await Event(cancelling.Id).GetView())!;

        Assert.True(await Eventually.Holds(async () =>
            (await fixture.ReadModel.Find(closing.Id))?.FinishedAt == closed.ClosedAt
            && (await fixture.ReadModel.Find(cancelling.Id))?.FinishedAt == cancelled.History[^1].At));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal((EventAction.Cancel, null), (cancelled.History[^1].Action, cancelled.ClosedAt));
    }

    [Fact]
    public async Task Act_NotAllowedInTheCurrentStatus_IsAConflictAndChangesNothing()
    {
        var view = await Report(In(Grid(114)));

        var outcome = await Event(view.Id).Act(By(EventAction.Verify, passed: true));

        Assert.Equal(ActionResult.Conflict, outcome.Result);
        Assert.Equal(view.Version, (await Event(view.Id).GetView())!.Version);
    }

    [Fact]
    public async Task Escalate_ClimbsToTheCityAndNoFurther()
    {
        var view = await Report(In(Grid(115)));

        var levels = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            levels.Add((await Event(view.Id).Act(By(EventAction.Escalate))).Event!.EscalationLevel);
        }
        var beyond = await Event(view.Id).Act(By(EventAction.Escalate));

        Assert.Equal([1, 2, 3], levels);
        Assert.Equal(ActionResult.Conflict, beyond.Result);
    }

    [Fact]
    public async Task Return_SendsTheCaseBackToTheCommandCentreAndFreesTheWorker()
    {
        var view = await Report(In(Grid(116)));

        var returned = await Event(view.Id).Act(By(EventAction.Return));

        Assert.Equal(EventStatus.Accepted, returned.Event!.Status);
        Assert.Null(returned.Event.Assignee);
        Assert.True(await Eventually.Holds(async () => !(await Worker(view.Assignee!.Id).GetView()).OpenTaskIds.Contains(view.Id)));
    }

    [Fact]
    public async Task Report_IsInTheReadModel_AndTheCaseSurvivesDeactivation()
    {
        var view = await Report(In(Grid(117)));

        await fixture.Cluster.DeactivateAsync(Event(view.Id));
        var reloaded = await Event(view.Id).GetView();
        var listed = await fixture.ReadModel.Query(new EventQuery(GridId: view.Report.GridId));

        Assert.Equal(view.Report, reloaded!.Report);
        Assert.Equal((view.Status, view.Assignee, view.Version), (reloaded.Status, reloaded.Assignee, reloaded.Version));
        Assert.Equal(view.History, reloaded.History);
        Assert.Contains(listed.Items, e => e.Id == view.Id && e.Version == view.Version && e.Status == view.Status);
    }

    [Fact]
    public async Task Act_OnAVersionThatMovedOn_IsRefused()
    {
        var view = await Report(In(Grid(118)));
        await Event(view.Id).Act(By(EventAction.Supervise));

        var stale = await Event(view.Id).Act(By(EventAction.Start) with { ExpectedVersion = view.Version });

        Assert.Equal(ActionResult.PreconditionFailed, stale.Result);
        Assert.Equal(EventStatus.Dispatched, stale.Event!.Status);
    }

    [Fact]
    public async Task Extend_BeyondTheCapForACase_IsRefused()
    {
        var view = await Report(In(Grid(119)));

        var granted = await Event(view.Id).Act(By(EventAction.Extend) with { Hours = 700 });
        var tooMuch = await Event(view.Id).Act(By(EventAction.Extend) with { Hours = 30 });

        Assert.Equal(ActionResult.Done, granted.Result);
        Assert.Equal(ActionResult.Conflict, tooMuch.Result);
        Assert.Equal(1, tooMuch.Event!.ExtensionCount);
    }

    [Fact]
    public async Task GetView_NothingReported_IsNull()
    {
        Assert.Null(await Event(NewId()).GetView());
        Assert.Equal(ActionResult.NotFound, (await Event(NewId()).Act(By(EventAction.Accept))).Result);
    }
}
