using GridActors.Api.Auth;
using GridActors.Api.Events;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Tests.Events;

/// <summary>Who sees a case's person unmasked: the rule alone, without a cluster.</summary>
public sealed class PersonalDataAccessTests
{
    private const string Township = "fenglu";
    private static readonly Party Assignee = new(PartyKinds.Worker, "W0001");

    private static EventView Case(EventStatus status, Party? assignee = null) => new(
        "E1",
        new ReportDraft("fenglu-01-01", "fenglu-01", Township, "dispute", "Boundary wall", null, Priority.Normal,
            new Party(PartyKinds.Citizen, "c-1"), null, new PersonInfo("李四", "13912345678", "530400199001011234")),
        status, assignee ?? Assignee, 0, false, 0, 0, 0, [], [],
        new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), null, 1, OperatingMode.Routine, Priority.Normal, null);

    private static Caller Worker(string id) => new(Roles.Worker, id, HomeGridId: "fenglu-01-01");

    [Theory]
    [InlineData(EventStatus.Dispatched)]
    [InlineData(EventStatus.InProgress)]
    [InlineData(EventStatus.Resolved)]
    [InlineData(EventStatus.Parked)]
    public void SeesPersonalData_TheAssigneeWhileTheCaseIsOpen_IsTrue(EventStatus status)
    {
        Assert.True(EventAccess.SeesPersonalData(Worker(Assignee.Id), Case(status)));
    }

    [Theory]
    [InlineData(EventStatus.Closed)]
    [InlineData(EventStatus.Cancelled)]
    public void SeesPersonalData_TheAssigneeOnceTheCaseIsFinished_IsFalse(EventStatus status)
    {
        Assert.False(EventAccess.SeesPersonalData(Worker(Assignee.Id), Case(status)));
    }

    [Fact]
    public void SeesPersonalData_AnotherWorkerOfTheGrid_IsFalse()
    {
        Assert.False(EventAccess.SeesPersonalData(Worker("W0002"), Case(EventStatus.InProgress)));
    }

    [Fact]
    public void SeesPersonalData_ADepartmentHandlingTheOpenCase_IsTrue_AnotherDepartmentAndAfterTheClose_False()
    {
        var department = new Party(PartyKinds.Department, "water");

        Assert.True(EventAccess.SeesPersonalData(new Caller(Roles.Department, "water"), Case(EventStatus.InProgress, department)));
        Assert.False(EventAccess.SeesPersonalData(new Caller(Roles.Department, "health"), Case(EventStatus.InProgress, department)));
        Assert.False(EventAccess.SeesPersonalData(new Caller(Roles.Department, "water"), Case(EventStatus.Closed, department)));
    }

    [Theory]
    [InlineData(Roles.City, "chengjiang", true)]
    [InlineData(Roles.Township, Township, true)]
    [InlineData(Roles.Township, "yousuo", false)]
    [InlineData(Roles.Village, "fenglu-01", false)]
    public void SeesPersonalData_Operators_AsBefore(string role, string scope, bool sees)
    {
        Assert.Equal(sees, EventAccess.SeesPersonalData(new Caller(role, scope), Case(EventStatus.InProgress)));
    }
}
