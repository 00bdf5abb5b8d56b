using GridActors.Grains.Workers;

namespace GridActors.Grains.Tests.Workers;

public sealed class WorkerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetDuty_Off_IsANewStateOffDutySinceNowOneVersionOn()
    {
        var current = new WorkerState { Version = 4 };

        var next = WorkerRules.SetDuty(current, onDuty: false, Now);

        Assert.NotNull(next);
        Assert.True(next.OffDuty);
        Assert.Equal(Now, next.DutyChangedAt);
        Assert.Equal(5, next.Version);
        Assert.False(current.OffDuty);
        Assert.Equal(4, current.Version);
    }

    [Fact]
    public void SetDuty_TheDutyItHas_ChangesNothing()
    {
        var current = new WorkerState { OffDuty = true, DutyChangedAt = Now };

        Assert.Null(WorkerRules.SetDuty(current, onDuty: false, Now.AddHours(1)));
        Assert.NotNull(WorkerRules.SetDuty(new WorkerState(), onDuty: false, Now));
        Assert.Null(WorkerRules.SetDuty(new WorkerState(), onDuty: true, Now));
    }

    [Fact]
    public void Assign_ANewTask_AddsItToACopyOfTheList()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"], Version = 1 };

        var next = WorkerRules.Assign(current, "E2");

        Assert.NotNull(next);
        Assert.Equal(["E1", "E2"], next.OpenTaskIds);
        Assert.Equal(2, next.Version);
        Assert.Equal(["E1"], current.OpenTaskIds);
        Assert.NotSame(current.OpenTaskIds, next.OpenTaskIds);
    }

    [Fact]
    public void Assign_ATaskItHolds_ChangesNothing()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"] };

        Assert.Null(WorkerRules.Assign(current, "E1"));
    }

    [Fact]
    public void Release_ATaskItHolds_RemovesItFromACopyOfTheList()
    {
        var current = new WorkerState { OpenTaskIds = ["E1", "E2"], Version = 7 };

        var next = WorkerRules.Release(current, "E1");

        Assert.NotNull(next);
        Assert.Equal(["E2"], next.OpenTaskIds);
        Assert.Equal(8, next.Version);
        Assert.Equal(["E1", "E2"], current.OpenTaskIds);
    }

    [Fact]
    public void Release_ATaskItDoesNotHold_ChangesNothing()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"] };

        Assert.Null(WorkerRules.Release(current, "E9"));
    }

    [Fact]
    public void Assign_ADrillCase_GoesToTheDrillTasks_LeavingTheRealLoad()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"], Version = 3 };

        var next = WorkerRules.Assign(current, "D1", drill: true);

        Assert.NotNull(next);
        Assert.Equal(["E1"], next.OpenTaskIds);
        Assert.Equal(["D1"], next.DrillTaskIds);
        Assert.Equal(4, next.Version);
    }

    [Fact]
    public void Assign_ACaseHeldInTheOtherList_ChangesNothing()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"], DrillTaskIds = ["D1"] };

        Assert.Null(WorkerRules.Assign(current, "D1"));
        Assert.Null(WorkerRules.Assign(current, "E1", drill: true));
    }

    [Fact]
    public void Release_ADrillTask_RemovesItFromTheDrillTasks()
    {
        var current = new WorkerState { OpenTaskIds = ["E1"], DrillTaskIds = ["D1", "D2"], Version = 5 };

        var next = WorkerRules.Release(current, "D1");

        Assert.NotNull(next);
        Assert.Equal(["E1"], next.OpenTaskIds);
        Assert.Equal(["D2"], next.DrillTaskIds);
        Assert.Equal(6, next.Version);
    }
}
