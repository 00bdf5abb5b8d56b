using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Visits;
using GridActors.Grains.Visits;

namespace GridActors.Grains.Tests.Visits;

public sealed class VisitScheduleTests
{
    private const string GridId = "fenglu-03-07";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static KeyPersonDraft Draft(params VisitPlan[] plans) =>
        new(new PersonInfo("王五", "13700001111", null), "petitioner", plans, "city:chengjiang");

    [Fact]
    public void Register_SecondPerson_IsNumberedAfterTheFirstOnACopy()
    {
        var (one, _) = VisitSchedule.Register(new VisitRegisterState(), GridId, Draft(new VisitPlan(VisitKind.Home, 7, Now)), Now);

        var (two, person) = VisitSchedule.Register(one, GridId, Draft(new VisitPlan(VisitKind.Invited, 3, Now.AddDays(1))), Now);

        Assert.Equal($"{GridId}-kp002", person.Id);
        Assert.Equal([new ScheduledVisit(VisitKind.Invited, 3, Now.AddDays(1), 0, null)], person.Visits);
        Assert.Equal(2, two.People.Count);
        Assert.Single(one.People);
    }

    [Fact]
    public void Due_AVisitThatCame_IsMadeOnceAndScheduledOnOnACopy()
    {
        var firstDue = Now.AddHours(-1);
        var (current, person) = VisitSchedule.Register(new VisitRegisterState(), GridId,
            Draft(new VisitPlan(VisitKind.Home, 7, firstDue), new VisitPlan(VisitKind.Scheduled, 7, Now.AddDays(2))), Now);

        var (next, made) = VisitSchedule.Due(current, Now);

        var visit = Assert.Single(made);
        Assert.Equal(VisitSchedule.EventId(person.Id, 0, 1), visit.EventId);
        Assert.Equal(1, visit.Number);
        Assert.Equal(firstDue, visit.Due.NextDueAt);
        Assert.Equal(new ScheduledVisit(VisitKind.Home, 7, firstDue.AddDays(7), 1, visit.EventId), next.People[0].Visits[0]);
        Assert.Equal(0, next.People[0].Visits[1].Made);
        Assert.Equal(0, current.People[0].Visits[0].Made);
    }

    [Fact]
    public void NextDueAfter_SeveralMissed_SchedulesTheNextAfterNowWithoutMakingThemUp()
    {
        var visit = new ScheduledVisit(VisitKind.Scheduled, 1, Now.AddDays(-3.5), 0, null);

        var next = VisitSchedule.NextDueAfter(visit, Now);

        Assert.Equal(Now.AddDays(0.5), next);
    }

    [Fact]
    public void Arming_ANewEarliestVisit_ArmsForItUnderTheNextSequence()
    {
        var (current, _) = VisitSchedule.Register(new VisitRegisterState { AlarmSequence = 3 }, GridId, Draft(new VisitPlan(VisitKind.Home, 7, Now)), Now);

        var (next, armFor) = VisitSchedule.Arming(current, force: false);

        Assert.Equal(Now, armFor);
        Assert.Equal(4, next.AlarmSequence);
        Assert.Equal(Now, next.ArmedFor);
        Assert.Equal(3, current.AlarmSequence);
    }

    [Fact]
    public void Arming_AlreadyArmedForTheEarliest_ArmsOnlyWhenForced()
    {
        var (registered, _) = VisitSchedule.Register(new VisitRegisterState(), GridId, Draft(new VisitPlan(VisitKind.Home, 7, Now)), Now);
        var (armed, _) = VisitSchedule.Arming(registered, force: false);

        var (unforced, none) = VisitSchedule.Arming(armed, force: false);
        var (forced, again) = VisitSchedule.Arming(armed, force: true);

        Assert.Null(none);
        Assert.Same(armed, unforced);
        Assert.Equal(Now, again);
        Assert.Equal(armed.AlarmSequence + 1, forced.AlarmSequence);
    }

    [Fact]
    public void Arming_NobodyToVisit_ArmsNothing()
    {
        var (_, armFor) = VisitSchedule.Arming(new VisitRegisterState(), force: true);

        Assert.Null(armFor);
    }
}
