using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Tests.ReadModel;

public sealed class InMemoryEventReadModelTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static EventSummary Event(string id, long version = 1, EventStatus status = EventStatus.Dispatched,
        string grid = "fenglu-01-01", string category = "hazard", int minutesAfterNoon = 0) => new(
        id, grid, grid[..9], grid.Split('-')[0], category, "title", status, Priority.Normal,
        new Party("worker", "W0001"), new Party("worker", "W0002"), 0, false, 0,
        Noon.AddMinutes(minutesAfterNoon), null, version);

    [Fact]
    public async Task Project_OlderOrRepeatedVersion_NeverOverwritesANewerOne()
    {
        var model = new InMemoryEventReadModel();

        await model.Project(Event("E1", version: 3, status: EventStatus.Closed));
        await model.Project(Event("E1", version: 2, status: EventStatus.InProgress));
        await model.Project(Event("E1", version: 3, status: EventStatus.Resolved));

        Assert.Equal(EventStatus.Closed, (await model.Find("E1"))!.Status);
    }

    [Fact]
    public async Task Query_Filters_CombineWithAnd()
    {
        var model = new InMemoryEventReadModel();
        await model.Project(Event("E1", grid: "fenglu-01-01", category: "hazard"));
        await model.Project(Event("E2", grid: "fenglu-01-02", category: "hazard"));
        await model.Project(Event("E3", grid: "longjie-01-01", category: "dispute", status: EventStatus.Closed));

        var fenglu = await model.Query(new EventQuery(TownshipId: "fenglu"));
        var hazardsInGrid = await model.Query(new EventQuery(GridId: "fenglu-01-02", Category: "hazard"));
        var closed = await model.Query(new EventQuery(Status: EventStatus.Closed));

        Assert.Equal(["E1", "E2"], fenglu.Items.Select(e => e.Id).Order());
        Assert.Equal(["E2"], hazardsInGrid.Items.Select(e => e.Id));
        Assert.Equal(["E3"], closed.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_Pages_NewestFirstWithTheTotal()
    {
        var model = new InMemoryEventReadModel();
        for (var i = 0; i < 5; i++)
        {
            await model.Project(Event($"E{i}", minutesAfterNoon: i));
        }

        var second = await model.Query(new EventQuery(Page: 2, PageSize: 2));

        Assert.Equal(5, second.Total);
        Assert.Equal(["E2", "E1"], second.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_FromTo_IsAHalfOpenRangeOnReportedAt()
    {
        var model = new InMemoryEventReadModel();
        for (var i = 0; i < 4; i++)
        {
            await model.Project(Event($"E{i}", minutesAfterNoon: i * 10));
        }

        var page = await model.Query(new EventQuery(From: Noon.AddMinutes(10), To: Noon.AddMinutes(30)));

        Assert.Equal(["E2", "E1"], page.Items.Select(e => e.Id));
    }
}
