using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;
using GridActors.Grains.Interfaces.Visits;
using GridActors.Grains.Tests.Cluster;
using GridActors.Grains.Tests.Topology;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Sla;

[Collection(ClusterCollection.Name)]
public sealed class ModeAndVisitTests(ClusterFixture fixture)
{
    private ICityGrain City => fixture.Grains.GetGrain<ICityGrain>(Chengjiang.Topology.City.Id);

    [Fact]
    public async Task EmergencyMode_ShortensNewLimitsAndOpensGrabbingTownshipWide_AndRoutineRestoresThem()
    {
        var grid = Grid(300);
        var township = grid.Township.Id;
        var routine = (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid) with { Priority = Priority.Urgent })).Event!;

        await City.SetMode(township, OperatingMode.Emergency, "city:chengjiang", subject: null, reason: null);
        await Eventually.Holds(async () =>
            (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid))).Event!.Mode == OperatingMode.Emergency);
        var emergency = (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid) with { Priority = Priority.Urgent })).Event!;
        var farWorkerOfTownship = Chengjiang.Topology.Grids.Last(g => g.Township.Id == township).Grid.Workers[0].Id;
        var grabbed = await fixture.Grains.GetGrain<IEventGrain>(emergency.Id).Act(By(EventAction.Grab, workerId: farWorkerOfTownship));
        await City.SetMode(township, OperatingMode.Routine, "city:chengjiang", subject: null, reason: null);
        await Eventually.Holds(async () =>
            (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid))).Event!.Mode == OperatingMode.Routine);
        var modes = await City.GetModes();

        Assert.Equal(EventStatus.Grabbing, emergency.Status);
        Assert.Equal(WholeLimit(routine) / 2, WholeLimit(emergency));
        Assert.Equal(ActionResult.Done, grabbed.Result);
        Assert.Equal(OperatingMode.Routine, modes.Townships[township]);
        Assert.Equal([OperatingMode.Emergency, OperatingMode.Routine], modes.History.Where(h => h.Scope == township).Select(h => h.Mode).TakeLast(2));
    }

    [Fact]
    public async Task EmergencyMode_EmergencyCategoriesRunAsUrgent()
    {
        var grid = Grid(310);
        await City.SetMode(grid.Township.Id, OperatingMode.Emergency, "city:chengjiang", subject: null, reason: null);
        await Eventually.Holds(async () =>
            (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid))).Event!.Mode == OperatingMode.Emergency);

        var epidemic = (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid, category: "epidemic"))).Event!;
        await City.SetMode(grid.Township.Id, OperatingMode.Routine, "city:chengjiang", subject: null, reason: null);

        Assert.Equal(Priority.Normal, epidemic.Report.Priority);
        Assert.Equal(Priority.Urgent, epidemic.Priority);
    }

    [Fact]
    public async Task EmergencyMode_LeavesChoresToTheWorkers_NotToVolunteers()
    {
        var grid = Grid(311);
        var volunteer = Chengjiang.Topology.VolunteersOf(grid.Grid.Id)[0];
        EventView chore;
        ActionOutcome grab;
        await City.SetMode(grid.Township.Id, OperatingMode.Emergency, "city:chengjiang", subject: null, reason: null);
        try
        {
            await Eventually.Holds(async () =>
                (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid))).Event!.Mode == OperatingMode.Emergency);
            chore = (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid, category: "sanitary-city"))).Event!;
            grab = await fixture.Grains.GetGrain<IEventGrain>(chore.Id)
                .Act(new EventCommand(EventAction.Grab, new Party(PartyKinds.Volunteer, volunteer), VolunteerId: volunteer));
        }
        finally
        {
            // The township's other tests report in routine mode: wait until its grids have heard the switch back.
            await City.SetMode(grid.Township.Id, OperatingMode.Routine, "city:chengjiang", subject: null, reason: null);
            await Eventually.Holds(async () =>
                (await fixture.Grains.GetGrain<IEventGrain>(NewId()).Report(In(grid))).Event!.Mode == OperatingMode.Routine);
        }

        Assert.Equal((OperatingMode.Emergency, EventStatus.Grabbing), (chore.Mode, chore.Status));
        Assert.Equal(ActionResult.Conflict, grab.Result);
        Assert.Contains("emergency", grab.Reason);
    }

    [Fact]
    public async Task KeyPersonVisit_WhenDue_BecomesATaskEventForTheGrid()
    {
        var grid = Grid(320);
        var register = fixture.Grains.GetGrain<IVisitRegisterGrain>(grid.Grid.Id);
        var firstDue = ClusterFixture.Time.GetUtcNow().AddHours(1);
        var person = await register.Register(new KeyPersonDraft(
            new PersonInfo("王五", "13700001111", null), "petitioner", [new VisitPlan(VisitKind.Home, 7, firstDue)], "city:chengjiang"));

        ClusterFixture.Time.Advance(TimeSpan.FromHours(1.5));
        await fixture.Grains.GetGrain<IDeadlineGrain>(grid.Grid.Id).Tick();
        var made = await Eventually.Holds(async () => (await register.List()).Single(p => p.Id == person.Id).Visits[0].Made == 1);
        var visit = (await register.List()).Single(p => p.Id == person.Id).Visits[0];
        var task = await fixture.Grains.GetGrain<IEventGrain>(visit.LastEventId!).GetView();

        Assert.True(made);
        Assert.Equal(firstDue.AddDays(7), visit.NextDueAt);
        Assert.Equal("key-person-visit", task!.Report.Category);
        Assert.Equal(EventStatus.Dispatched, task.Status);
        Assert.Equal("王五", task.Report.Person!.Name);
        Assert.Contains(task.Deadlines, d => d.Stage == "handle");
    }

    private static TimeSpan WholeLimit(EventView view) => view.Deadlines.Single(d => d.Stage == "whole").DueAt - view.ReportedAt;
}
