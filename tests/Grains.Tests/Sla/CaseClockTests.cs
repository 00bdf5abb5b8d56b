using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Sla;

namespace GridActors.Grains.Tests.Sla;

public sealed class CaseClockTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.LoadEmbedded();
    private static readonly CaseClock Clock = new(Policy);
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);

    private static EventState UrgentCase(EventStatus status = EventStatus.Dispatched)
    {
        var state = new EventState
        {
            Report = new ReportDraft("g", "v", "t", "hazard", "title", null, Priority.Urgent, Party.System, null, null),
            Priority = Priority.Urgent,
            Status = status,
            ReportedAt = Noon,
        };
        Clock.Start(state, Noon);
        return state;
    }

    private static void Move(EventState state, EventAction action, EventStatus to, DateTimeOffset at, double? hours = null)
    {
        var from = state.Status;
        state.Status = to;
        Clock.Follow(state, action, from, at, hours);
    }

    [Fact]
    public void Start_ADispatchedCase_RunsTheHandleStageAndTheWholeCase()
    {
        var state = UrgentCase();

        Assert.Equal(SlaStage.Handle, state.Stage!.Stage);
        Assert.Equal(Noon.AddHours(4), state.Stage.DueAt);
        Assert.Equal(Noon.AddHours(8), state.Whole!.DueAt);
        Assert.Equal(Noon.AddHours(2), state.PendingAlarms[0].At);
    }

    [Fact]
    public void Ring_BreachAndLaterLimits_EscalateOneLevelEachAndSupervise()
    {
        var state = UrgentCase();

        var atBreach = Clock.Ring(state, Noon.AddHours(4));
        var atTwice = Clock.Ring(state, Noon.AddHours(8));
        var atThrice = Clock.Ring(state, Noon.AddHours(12));

        Assert.Equal([EventAction.Warning, EventAction.Warning, EventAction.Breach, EventAction.Escalate, EventAction.Supervise],
            atBreach.Select(e => e.Action));
        Assert.Contains(EventAction.Breach, atTwice.Select(e => e.Action)); // the whole case's 8 hours
        Assert.Contains(atTwice, e => e.Action == EventAction.Escalate && e.Note.Contains("township", StringComparison.Ordinal));
        Assert.Contains(atThrice, e => e.Action == EventAction.Escalate && e.Note.Contains("city", StringComparison.Ordinal));
        Assert.Equal(3, state.EscalationLevel);
        Assert.Equal(3, state.SupervisionCount);
        Assert.True(state.Overdue);
        Assert.Empty(state.PendingAlarms);
    }

    [Fact]
    public void Ring_BeforeTheFirstAlarm_DoesNothing()
    {
        var state = UrgentCase();

        Assert.Empty(Clock.Ring(state, Noon.AddHours(1)));
        Assert.False(state.Overdue);
    }

    [Fact]
    public void Extend_MovesTheStageAndTheWholeCaseAndDoesNotRepeatWarnings()
    {
        var state = UrgentCase();
        Clock.Ring(state, Noon.AddHours(2));

        Move(state, EventAction.Extend, EventStatus.Dispatched, Noon.AddHours(3), hours: 2);

        Assert.Equal(Noon.AddHours(6), state.Stage!.DueAt);
        Assert.Equal(Noon.AddHours(10), state.Whole!.DueAt);
        Assert.DoesNotContain(state.PendingAlarms, a => a.Kind == AlarmKind.Warning50 && a.Stage == SlaStage.Handle);
    }

    [Fact]
    public void Park_PausesTheClocksAndLeavingParkingResumesWhatWasLeft()
    {
        var state = UrgentCase();

        Move(state, EventAction.Park, EventStatus.Parked, Noon.AddHours(1));
        var whileParked = (state.Stage, state.PendingAlarms.Count, CaseClock.Deadlines(state).Count);
        Move(state, EventAction.Dispatch, EventStatus.Dispatched, Noon.AddDays(3));

        Assert.Equal((null, 0, 0), whileParked);
        Assert.Equal(Noon.AddDays(3).AddHours(3), state.Stage!.DueAt);
        Assert.Equal(Noon.AddDays(3).AddHours(7), state.Whole!.DueAt);
    }

    [Fact]
    public void Resume_AfterParking_KeepsTheLaterAlarmsWhereTheOriginalLimitPutThem()
    {
        var state = UrgentCase();
        Move(state, EventAction.Park, EventStatus.Parked, Noon.AddHours(1));
        var resumedAt = Noon.AddDays(3);

        Move(state, EventAction.Dispatch, EventStatus.Dispatched, resumedAt);

        Assert.Equal(
            [(AlarmKind.Warning50, 1.0), (AlarmKind.Warning75, 2.0), (AlarmKind.Breach, 3.0), (AlarmKind.EscalateToTownship, 7.0), (AlarmKind.EscalateToCity, 11.0)],
            state.PendingAlarms.Where(a => a.Stage == SlaStage.Handle).Select(a => (a.Kind, (a.At - resumedAt).TotalHours)));
    }

    [Fact]
    public void Resume_AfterABreach_DoesNotJumpStraightToTheCity()
    {
        var state = UrgentCase();
        Clock.Ring(state, Noon.AddHours(4.5));
        Move(state, EventAction.Park, EventStatus.Parked, Noon.AddHours(5));

        Move(state, EventAction.Dispatch, EventStatus.Dispatched, Noon.AddDays(2));
        var atOnce = Clock.Ring(state, Noon.AddDays(2));

        Assert.Equal(1, state.EscalationLevel);
        Assert.DoesNotContain(atOnce, e => e.Action == EventAction.Escalate);
    }

    [Fact]
    public void Resolve_StopsHandlingAndStartsVerification_AndReworkRestartsHandling()
    {
        var state = UrgentCase();

        Move(state, EventAction.Resolve, EventStatus.Resolved, Noon.AddHours(1));
        var verifyStage = state.Stage!;
        Move(state, EventAction.Verify, EventStatus.Dispatched, Noon.AddHours(1.5));

        Assert.Equal(SlaStage.Verify, verifyStage.Stage);
        Assert.Equal(Noon.AddHours(3), verifyStage.DueAt);
        Assert.Equal(SlaStage.Handle, state.Stage!.Stage);
        Assert.Equal(Noon.AddHours(5.5), state.Stage.DueAt);
    }

    [Fact]
    public void Close_StopsEveryClock()
    {
        var state = UrgentCase(EventStatus.Resolved);

        Move(state, EventAction.Verify, EventStatus.Closed, Noon.AddHours(1));

        Assert.Null(state.Stage);
        Assert.Empty(state.PendingAlarms);
        Assert.Empty(CaseClock.Deadlines(state));
    }

    [Fact]
    public void Start_ANormalCase_RunsInWorkingTime()
    {
        var state = new EventState
        {
            Report = new ReportDraft("g", "v", "t", "hazard", "title", null, Priority.Normal, Party.System, null, null),
            Priority = Priority.Normal,
            Status = EventStatus.Dispatched,
        };
        var fridayEvening = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.FromHours(8));

        Clock.Start(state, fridayEvening);

        Assert.Equal(TimeBasis.Working, state.Stage!.Basis);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.FromHours(8)), state.Stage.DueAt);
    }
}
