using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

/// <summary>A case's people play its script from the case as it stands.</summary>
public sealed class CaseStepsTests
{
    private static readonly CountyTopology Topology = CountyTopology.LoadEmbedded();
    private static readonly GridPlace Place = Topology.Grids.First();
    private static readonly Party Township = new(PartyKinds.Township, Place.Township.Id);
    private static readonly Party Handler = new(PartyKinds.Worker, Place.Grid.Workers[0].Id);
    private readonly CaseSteps _steps = new(Topology, new DispatchOptions());

    /// <summary>Script picks whose own draw gives a chore to a volunteer, and to a worker (see CaseSteps.VolunteerFor).</summary>
    private static readonly int VolunteersPick = Enumerable.Range(1, 1000).First(p => new Random(p).NextDouble() < CaseSteps.VolunteerTakeShare);
    private static readonly int WorkersPick = Enumerable.Range(1, 1000).First(p => new Random(p).NextDouble() >= CaseSteps.VolunteerTakeShare);

    private static readonly CaseScript Handled = new("hazard", Priority.Normal, ReportChannel.Patrol, CaseFate.Handled,
        Response: TimeSpan.FromHours(2), Work: TimeSpan.FromHours(10), Verification: TimeSpan.FromHours(3),
        FailsVerification: false, ExtensionHours: null, Decision: TimeSpan.FromHours(1), OfferedForGrabbing: false, Pick: 7);

    [Fact]
    public void Next_AHandledCase_StartsResolvesAndPassesVerification_AfterItsScriptedWaits()
    {
        var start = _steps.Next(Handled, View(EventStatus.Dispatched))!;
        var resolve = _steps.Next(Handled, View(EventStatus.InProgress))!;
        var verify = _steps.Next(Handled, View(EventStatus.Resolved))!;

        Assert.Equal((EventAction.Start, Handler, TimeSpan.FromHours(2)), (start.Command.Action, start.Command.Actor, start.After));
        Assert.Equal((EventAction.Resolve, Handler, TimeSpan.FromHours(10)), (resolve.Command.Action, resolve.Command.Actor, resolve.After));
        Assert.Equal((EventAction.Verify, Township, true, TimeSpan.FromHours(3)), (verify.Command.Action, verify.Command.Actor, verify.Command.Passed, verify.After));
        Assert.Null(_steps.Next(Handled, View(EventStatus.Closed)));
    }

    [Fact]
    public void Next_ACaseThatFailsVerification_FailsItOnce_ThenReworksInHalfTheTime()
    {
        var script = Handled with { FailsVerification = true };

        var first = _steps.Next(script, View(EventStatus.Resolved))!;
        var restart = _steps.Next(script, View(EventStatus.Dispatched, rework: 1))!;
        var rework = _steps.Next(script, View(EventStatus.InProgress, rework: 1))!;
        var second = _steps.Next(script, View(EventStatus.Resolved, rework: 1))!;

        Assert.False(first.Command.Passed);
        Assert.Equal(TimeSpan.FromHours(1), restart.After);
        Assert.Equal(TimeSpan.FromHours(5), rework.After);
        Assert.True(second.Command.Passed);
        Assert.Equal(script.TimeToClose, Handled.Response + first.After + restart.After + rework.After + second.After + Handled.Work);
    }

    [Fact]
    public void Next_AnInvalidReport_IsCancelledByTheTownshipWithAReason()
    {
        var step = _steps.Next(Handled with { Fate = CaseFate.Invalid }, View(EventStatus.Dispatched))!;

        Assert.Equal((EventAction.Cancel, Township, TimeSpan.FromHours(1)), (step.Command.Action, step.Command.Actor, step.After));
        Assert.False(string.IsNullOrWhiteSpace(step.Command.Note));
    }

    [Fact]
    public void Next_AParkedCase_IsParkedOnceWorkHasStarted()
    {
        var script = Handled with { Fate = CaseFate.Parked, Decision = TimeSpan.FromHours(4) };

        var start = _steps.Next(script, View(EventStatus.Dispatched))!;
        var park = _steps.Next(script, View(EventStatus.InProgress))!;

        Assert.Equal(EventAction.Start, start.Command.Action);
        Assert.Equal((EventAction.Park, Township, TimeSpan.FromHours(4)), (park.Command.Action, park.Command.Actor, park.After));
        Assert.Equal(script.TimeToDecision, start.After + park.After);
    }

    [Fact]
    public void Next_ALongJob_AsksForItsExtensionFirst_AndTheWorkStillTakesItsScriptedTime()
    {
        var script = Handled with { Work = TimeSpan.FromDays(5), ExtensionHours = 96 };

        var extend = _steps.Next(script, View(EventStatus.InProgress))!;
        var resolve = _steps.Next(script, View(EventStatus.InProgress, extensions: 1))!;

        Assert.Equal((EventAction.Extend, 96d), (extend.Command.Action, extend.Command.Hours));
        Assert.Equal(EventAction.Resolve, resolve.Command.Action);
        Assert.Equal(script.Work, extend.After + resolve.After);
    }

    [Fact]
    public void Next_ByHand_DepartmentCategoriesGoToTheirDepartment_OthersToTheScriptsWorkerOrTheGrabList()
    {
        var toDepartment = _steps.Next(Handled with { Category = "fire-hazard" }, View(EventStatus.Accepted, category: "fire-hazard"))!;
        var toWorker = _steps.Next(Handled, View(EventStatus.Accepted))!;
        var offered = _steps.Next(Handled with { OfferedForGrabbing = true }, View(EventStatus.Accepted))!;
        var grabbed = _steps.Next(Handled, View(EventStatus.Grabbing))!;

        Assert.Equal("emergency-management", toDepartment.Command.DepartmentId);
        Assert.Equal(Place.Grid.Workers[7 % Place.Grid.Workers.Count].Id, toWorker.Command.WorkerId);
        Assert.True(offered.Command.GrabMode);
        Assert.Equal((EventAction.Grab, PartyKinds.Worker), (grabbed.Command.Action, grabbed.Command.Actor.Kind));
        Assert.Equal(grabbed.Command.Actor.Id, grabbed.Command.WorkerId);
    }

    [Fact]
    public void Next_ACaseTheGridOffersForGrabbing_StartsOneResponseAfterItsReport_GrabbedOrNot()
    {
        var grab = _steps.Next(Handled, View(EventStatus.Grabbing))!;
        var startGrabbed = _steps.Next(Handled, View(EventStatus.Dispatched, history: [EventAction.Report, EventAction.Grab]))!;
        var startAfterExpiry = _steps.Next(Handled, View(EventStatus.Dispatched, history: [EventAction.Report, EventAction.GrabExpired]))!;
        var startDispatched = _steps.Next(Handled, View(EventStatus.Dispatched, history: [EventAction.Report, EventAction.Dispatch]))!;

        Assert.Equal(EventAction.Grab, grab.Command.Action);
        Assert.Equal(Handled.Response, grab.After + startGrabbed.After);
        Assert.Equal(Handled.Response, grab.After + startAfterExpiry.After);
        Assert.Equal(Handled.Response, startDispatched.After);
    }

    [Fact]
    public void Next_AnInvalidReportOnTheGrabList_IsDismissedBeforeAnyoneGrabsIt()
    {
        var script = Handled with { Fate = CaseFate.Invalid };

        var step = _steps.Next(script, View(EventStatus.Grabbing))!;

        Assert.Equal((EventAction.Cancel, Township), (step.Command.Action, step.Command.Actor));
        Assert.Equal(script.TimeToDecision, step.After);
    }

    [Fact]
    public void Next_EveryRouteTheGridTakes_PlaysTheScriptsTimeToClose()
    {
        var script = Handled with { FailsVerification = true };
        foreach (var route in new[] { EventAction.Dispatch, EventAction.Grab, EventAction.GrabExpired })
        {
            var before = route == EventAction.Dispatch ? TimeSpan.Zero : _steps.Next(script, View(EventStatus.Grabbing))!.After;
            var waits = before
                + _steps.Next(script, View(EventStatus.Dispatched, history: [EventAction.Report, route]))!.After
                + _steps.Next(script, View(EventStatus.InProgress))!.After
                + _steps.Next(script, View(EventStatus.Resolved))!.After
                + _steps.Next(script, View(EventStatus.Dispatched, rework: 1, history: [EventAction.Report, route, EventAction.Verify]))!.After
                + _steps.Next(script, View(EventStatus.InProgress, rework: 1))!.After
                + _steps.Next(script, View(EventStatus.Resolved, rework: 1))!.After;

            Assert.True(script.TimeToClose == waits, $"{route}: {waits} against {script.TimeToClose}");
        }
    }

    [Fact]
    public void Next_AChoreOnTheGrabList_GoesToAVolunteerOfTheGrid_WhenTheScriptPicksOne()
    {
        var chore = Handled with { Category = "sanitary-city", Pick = VolunteersPick };

        var byVolunteer = _steps.Next(chore, View(EventStatus.Grabbing, category: "sanitary-city"))!;
        var byWorker = _steps.Next(chore with { Pick = WorkersPick }, View(EventStatus.Grabbing, category: "sanitary-city"))!;

        Assert.Equal((EventAction.Grab, PartyKinds.Volunteer), (byVolunteer.Command.Action, byVolunteer.Command.Actor.Kind));
        Assert.Equal(byVolunteer.Command.Actor.Id, byVolunteer.Command.VolunteerId);
        Assert.Contains(byVolunteer.Command.VolunteerId, Topology.VolunteersOf(Place.Grid.Id));
        Assert.Equal(PartyKinds.Worker, byWorker.Command.Actor.Kind);
        Assert.Equal(byWorker.After, byVolunteer.After);
    }

    [Fact]
    public void Next_AnUrgentChoreOrAHazard_StaysWithTheWorkers_WhateverTheScriptPicks()
    {
        var urgent = _steps.Next(Handled with { Category = "sanitary-city", Pick = VolunteersPick },
            View(EventStatus.Grabbing, category: "sanitary-city", priority: Priority.Urgent))!;
        var hazard = _steps.Next(Handled with { Pick = VolunteersPick }, View(EventStatus.Grabbing))!;

        Assert.Equal(PartyKinds.Worker, urgent.Command.Actor.Kind);
        Assert.Equal(PartyKinds.Worker, hazard.Command.Actor.Kind);
    }

    [Fact]
    public void Next_OverManyScripts_VolunteersTakeTheirShareOfTheChores()
    {
        var random = new Random(20221116);
        var view = View(EventStatus.Grabbing, category: "civilised-city");

        var byVolunteers = Enumerable.Range(0, 20_000)
            .Count(_ => _steps.Next(Handled with { Category = "civilised-city", Pick = random.Next(int.MaxValue) }, view)!.Command.VolunteerId is not null);

        Assert.InRange(byVolunteers / 20_000.0, CaseSteps.VolunteerTakeShare - 0.01, CaseSteps.VolunteerTakeShare + 0.01);
    }

    private static EventView View(EventStatus status, int rework = 0, int extensions = 0, string category = "hazard",
        EventAction[]? history = null, Priority priority = Priority.Normal) => new(
        "E1",
        new ReportDraft(Place.Grid.Id, Place.Village.Id, Place.Township.Id, category, "title", null, Priority.Normal,
            new Party(PartyKinds.Worker, Handler.Id), new GeoPoint(24.6, 102.9), null),
        status,
        status is EventStatus.Dispatched or EventStatus.InProgress or EventStatus.Resolved ? Handler : null,
        EscalationLevel: 0, Overdue: false, ReworkCount: rework, ExtensionCount: extensions, SupervisionCount: 0,
        Deadlines: [], History: [.. (history ?? []).Select(action => new HistoryEntry(DateTimeOffset.UnixEpoch, action, "someone", null))], ReportedAt: DateTimeOffset.UnixEpoch, ClosedAt: null, Version: 1,
        Mode: OperatingMode.Routine, Priority: priority, WholeDueAt: null);
}
