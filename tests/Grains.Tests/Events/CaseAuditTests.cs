using GridActors.Grains.Audit;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Events;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

public sealed class CaseAuditTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static EventState Case(params EventAction[] actions) => new()
    {
        Report = In(Grid(12)),
        Status = EventStatus.Dispatched,
        Assignee = new Party("worker", "W0001"),
        Version = actions.Length,
        History = [.. actions.Select((a, i) => new HistoryEntry(Now.AddMinutes(i), a, "township:fenglu", null))],
    };

    [Fact]
    public void Of_AReportsStep_IsItsFirstAction_WithTheRestAndWhereTheCaseStands()
    {
        var by = new AuditActor("township", "fenglu", "operator-li");

        var entry = CaseAudit.Of("E1", previous: null, Case(EventAction.Report, EventAction.Accept, EventAction.Dispatch), by, Now)!;

        Assert.Equal(("report", by, "E1", Now), (entry.Action, entry.Actor, entry.Subject.Id, entry.At));
        Assert.Equal("report → accept → dispatch; now dispatched to worker:W0001, version 3", entry.Detail);
        Assert.Equal(Grid(12).Township.Id, entry.TownshipId);
    }

    [Fact]
    public void Of_AStepNobodyTook_IsTheSystems_AndNamesOnlyTheNewActions()
    {
        var entry = CaseAudit.Of("E1", Case(EventAction.Report), Case(EventAction.Report, EventAction.Escalate), by: null, Now)!;

        Assert.Equal(AuditActor.System, entry.Actor);
        Assert.Equal("escalate", entry.Action);
        Assert.Equal(Now.AddMinutes(1), entry.At);
    }

    [Fact]
    public void Of_ADrillsCase_IsNothing_UnlessDrillsAreAuditedToMeasureTheCost()
    {
        var drill = Case(EventAction.Report);
        drill.Report = drill.Report! with { Drill = "drill-1" };

        Assert.Null(CaseAudit.Of("E1", null, drill, by: null, Now));
        Assert.Equal("report", CaseAudit.Of("E1", null, drill, by: null, Now, includeDrills: true)!.Action);
    }
}

public sealed class PersonalDataPrintingTests
{
    [Fact]
    public void AReportWithAPerson_PrintsWithoutThePersonalData()
    {
        var draft = Reports.In(Reports.Grid(12)) with { Person = new PersonInfo("王建国", "13800001234", "530422198001011234", "wjg@example.org") };

        var printed = draft.ToString();

        Assert.Contains("PersonInfo { withheld }", printed);
        Assert.DoesNotContain("13800001234", printed);
        Assert.DoesNotContain("王建国", printed);
        Assert.DoesNotContain("wjg@", printed);
    }
}
