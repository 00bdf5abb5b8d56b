using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Sla;

namespace GridActors.Grains.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.LoadEmbedded();

    [Theory]
    [InlineData(Priority.Normal, SlaStage.Accept, 0.5)]
    [InlineData(Priority.Normal, SlaStage.Handle, 14)]
    [InlineData(Priority.Urgent, SlaStage.Dispatch, 0.1667)]
    [InlineData(Priority.Urgent, SlaStage.Handle, 4)]
    [InlineData(Priority.Critical, SlaStage.Whole, 4)]
    public void Limit_ByPriorityAndStage(Priority priority, SlaStage stage, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Policy.Limit("hazard", priority, OperatingMode.Routine, stage));
    }

    [Fact]
    public void Limit_CategoryOverride_AppliesToNormalPriorityOnly()
    {
        Assert.Equal(TimeSpan.FromHours(35), Policy.Limit("dispute", Priority.Normal, OperatingMode.Routine, SlaStage.Handle));
        Assert.Equal(TimeSpan.FromHours(4), Policy.Limit("dispute", Priority.Urgent, OperatingMode.Routine, SlaStage.Handle));
    }

    [Fact]
    public void Limit_EmergencyMode_IsShorterByTheFactor()
    {
        var routine = Policy.Limit("hazard", Priority.Normal, OperatingMode.Routine, SlaStage.Handle);
        var emergency = Policy.Limit("hazard", Priority.Normal, OperatingMode.Emergency, SlaStage.Handle);

        Assert.Equal(routine * Policy.EmergencyFactor, emergency);
        Assert.True(emergency < routine);
    }

    [Fact]
    public void BasisFor_UrgentAndCriticalRunInNaturalTime()
    {
        Assert.Equal(TimeBasis.Working, Policy.BasisFor(Priority.Normal));
        Assert.Equal(TimeBasis.Natural, Policy.BasisFor(Priority.Urgent));
        Assert.Equal(TimeBasis.Natural, Policy.BasisFor(Priority.Critical));
    }

    [Fact]
    public void EffectivePriority_EmergencyCategoriesJumpTheQueueInEmergencyModeOnly()
    {
        Assert.Equal(Priority.Urgent, Policy.EffectivePriority("epidemic", Priority.Normal, OperatingMode.Emergency));
        Assert.Equal(Priority.Normal, Policy.EffectivePriority("epidemic", Priority.Normal, OperatingMode.Routine));
        Assert.Equal(Priority.Normal, Policy.EffectivePriority("hazard", Priority.Normal, OperatingMode.Emergency));
        Assert.Equal(Priority.Critical, Policy.EffectivePriority("epidemic", Priority.Critical, OperatingMode.Emergency));
    }

    [Fact]
    public void Alarms_FallAtHalfThreeQuartersFullTwiceAndThriceTheLimit()
    {
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var clock = new StageClock(SlaStage.Handle, start, TimeSpan.FromHours(4), TimeBasis.Natural, start.AddHours(4));

        var alarms = SlaAlarms.For(clock, Policy);

        Assert.Equal([2, 3, 4, 8, 12], alarms.Select(a => (a.At - start).TotalHours));
        Assert.Equal(
            [AlarmKind.Warning50, AlarmKind.Warning75, AlarmKind.Breach, AlarmKind.EscalateToTownship, AlarmKind.EscalateToCity],
            alarms.Select(a => a.Kind));
    }
}
