using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
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

    [Theory]
    [InlineData(1_000)]
    [InlineData(3)]
    public async Task TallyFinishedAndUnfinished_WhetherTheFinishedAreStillKeptApartOrNot_CountAsTheRule(int finishedKept)
    {
        var model = new InMemoryEventReadModel(finishedKept);
        var cases = new Dictionary<string, EventSummary>();
        async Task Project(EventSummary summary)
        {
            cases[summary.Id] = summary;
            await model.Project(summary);
        }
        for (var i = 0; i < 40; i++)
        {
            var open = Event($"E{i}", grid: i % 2 == 0 ? "fenglu-01-01" : "longjie-01-01", minutesAfterNoon: i);
            await Project(open);
            if (i % 3 != 0)
            {
                // Finished in the order of their ids, one a minute: E1 at 12:41, E2 at 12:42, …
                var at = Noon.AddMinutes(40 + i);
                await Project(open with
                {
                    Status = i % 5 == 0 ? EventStatus.Cancelled : EventStatus.Closed, ClosedAt = i % 5 == 0 ? null : at,
                    FinishedAt = at, Version = 2,
                });
            }
        }
        var from = Noon.AddMinutes(5);
        var now = Noon.AddMinutes(90);

        foreach (var (after, by) in new[] { (Noon.AddMinutes(50), Noon.AddMinutes(60)), (Noon.AddMinutes(76), Noon.AddMinutes(79)), (Noon, Noon.AddMinutes(45)) })
        {
            var finished = await model.TallyFinished(from, after, by, TestContext.Current.CancellationToken);
            var unfinished = await model.TallyUnfinished(from, by, now, TestContext.Current.CancellationToken);

            var inPeriod = cases.Values.Where(c => c.ReportedAt >= from).ToList();
            Assert.Equal(ByVillage(inPeriod.Where(c => c.FinishedTime > after && c.FinishedTime <= by), now), Rounded(finished));
            Assert.Equal(ByVillage(inPeriod.Where(c => !(c.FinishedTime <= by)), now), Rounded(unfinished));
        }
    }

    private static Dictionary<VillageOf, CaseTally> ByVillage(IEnumerable<EventSummary> cases, DateTimeOffset now) =>
        Rounded(cases.GroupBy(VillageOf.Of).ToDictionary(v => v.Key, v => CaseTally.Of(v, now)));

    /// <summary>Hours summed in another order differ in the last bits of a double.</summary>
    private static Dictionary<VillageOf, CaseTally> Rounded(IReadOnlyDictionary<VillageOf, CaseTally> tallies) =>
        tallies.ToDictionary(t => t.Key, t => t.Value with { HandlingHours = Math.Round(t.Value.HandlingHours, 6) });
}
