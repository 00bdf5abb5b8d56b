using GridActors.Grains.Configuration;
using GridActors.Grains.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Tests.Topology;
using static GridActors.Grains.Tests.Events.Reports;

namespace GridActors.Grains.Tests.Events;

/// <summary>The rule of which cases a grid volunteer may take.</summary>
public sealed class VolunteerTasksTests
{
    private static readonly DispatchOptions Options = new();
    private static readonly Interfaces.Events.ReportDraft Chore = In(Grid(5), category: "sanitary-city");
    private static readonly string Volunteer = Chengjiang.Topology.VolunteersOf(Chore.GridId)[0];

    [Fact]
    public void Refusal_ANormalChoreOfTheVolunteersOwnGridInRoutine_IsNone() =>
        Assert.Null(Refuse(Chore.GridId, Chore.Category, Priority.Normal, OperatingMode.Routine, Volunteer));

    [Fact]
    public void Refusal_AnotherGridsChore_NamesTheGrid() =>
        Assert.Contains(Grid(6).Grid.Id, Refuse(Grid(6).Grid.Id, Chore.Category, Priority.Normal, OperatingMode.Routine, Volunteer));

    [Fact]
    public void Refusal_ACategoryThatIsNoVolunteerTask_NamesTheSetting() =>
        Assert.Contains("Dispatch:VolunteerCategories", Refuse(Chore.GridId, "hazard", Priority.Normal, OperatingMode.Routine, Volunteer));

    [Theory]
    [InlineData(Priority.Urgent)]
    [InlineData(Priority.Critical)]
    public void Refusal_AnUrgentOrCriticalChore_IsForTheWorkers(Priority priority) =>
        Assert.Contains("workers", Refuse(Chore.GridId, Chore.Category, priority, OperatingMode.Routine, Volunteer));

    [Fact]
    public void Refusal_InEmergencyMode_IsForTheTownshipsWorkers() =>
        Assert.Contains("emergency", Refuse(Chore.GridId, Chore.Category, Priority.Normal, OperatingMode.Emergency, Volunteer));

    [Fact]
    public void Refusal_AnIdThatIsNoVolunteer_ServesNoGrid() =>
        Assert.NotNull(Refuse(Chore.GridId, Chore.Category, Priority.Normal, OperatingMode.Routine, "V9999"));

    [Fact]
    public void VolunteersOf_EveryGrid_HasItsShareOfTheReportsVolunteers_InIdOrder()
    {
        var perGrid = Chengjiang.Topology.Grids.Select(g => Chengjiang.Topology.VolunteersOf(g.Grid.Id)).ToList();

        Assert.Equal(6441, perGrid.Sum(v => v.Count));
        Assert.All(perGrid, volunteers => Assert.InRange(volunteers.Count, 14, 15));
        Assert.All(perGrid, volunteers => Assert.Equal(volunteers.Order(StringComparer.Ordinal), volunteers));
        Assert.Empty(Chengjiang.Topology.VolunteersOf("no-such-grid"));
    }

    private static string? Refuse(string gridId, string category, Priority priority, OperatingMode mode, string volunteer) =>
        VolunteerTasks.Refusal(Chengjiang.Topology, Options, gridId, category, priority, mode, volunteer);
}
