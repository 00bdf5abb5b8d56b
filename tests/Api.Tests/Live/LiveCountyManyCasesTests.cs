using GridActors.Api.Events;
using GridActors.Api.Live;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Tests.Live;

/// <summary>
/// The view keeps open cases as counts and a few fields, and only each grid's newest whole: thousands of cases
/// with shuffled, repeated and stale versions must still give the figures and the feed that the cases themselves give.
/// </summary>
public sealed class LiveCountyManyCasesTests
{
    // 22:00 in the county (UTC+8): most of the day is behind, so cases are reported and closed all through it.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
    private const int FeedSize = 20;

    private static readonly EventStatus[] OpenStatuses =
        [EventStatus.Reported, EventStatus.Accepted, EventStatus.Dispatched, EventStatus.InProgress, EventStatus.Resolved, EventStatus.Parked];

    [Fact]
    public void ShuffledHistoriesOfThousandsOfCases_GiveEachAreasFiguresAndFeedAsTheirCasesDo()
    {
        var random = new Random(20261203);
        var county = new LiveCounty(County.Topology, new GridClock(new FixedTime(Now), 1), FeedSize);
        var grids = new[] { County.GridOf(0), County.GridOf(0, 1), County.GridOf(1), County.GridOf(2) };
        List<EventSummary> versions = [];
        List<EventSummary> latest = [];
        for (var i = 0; i < 4000; i++)
        {
            var history = History(random, $"case-{i:D5}", grids[random.Next(grids.Length)], i);
            versions.AddRange(history);
            latest.Add(history[^1]);
        }
        // Every version arrives, in any order, some twice, as stream batches and reloads bring them.
        var deliveries = versions.Concat(versions.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in deliveries.Chunk(250))
        {
            county.Apply(batch);
        }

        var dayStart = county.DayStart;
        foreach (var area in new[] { AreaOf("city", new EventQuery()), AreaOf("township", new EventQuery(TownshipId: grids[0].Township.Id)),
                     AreaOf("grid", new EventQuery(GridId: grids[1].Grid.Id)) })
        {
            var cases = latest.Where(area.Filter.Matches).ToList();
            var view = county.View(area, Now, FeedSize);
            var expected = Indicators.Compute([.. cases.Where(c => c.ReportedAt >= dayStart)], Now, area.Workers);

            Assert.Equal(
                (expected.Reported, cases.Count(c => c.IsOpen), cases.Count(c => c.IsOpen && c.Overdue),
                    cases.Count(c => c.Status == EventStatus.Closed && c.ClosedAt >= dayStart), expected.ClosureRate, expected.OnTimeRate),
                (view.Kpi.ReportedToday, view.Kpi.Open, view.Kpi.Overdue, view.Kpi.ClosedToday, view.Kpi.ClosureRate, view.Kpi.OnTimeRate));
            Assert.Equal(
                cases.Where(c => c.IsCurrent(dayStart)).OrderByDescending(Shown).Take(FeedSize).Select(c => (c.Id, c.Version)),
                view.Recent.Select(c => (c.Id, c.Version)));
        }
    }

    [Fact]
    public void AfterMidnight_AGridsOlderOpenCases_ComeBackIntoTheFeedWithTheNextReload()
    {
        // 23:00 in the county: 25 open cases, of which the newest 20 close before midnight.
        var evening = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
        var time = new FixedTime(evening);
        var county = new LiveCounty(County.Topology, new GridClock(time, 1), FeedSize);
        var grid = County.GridOf(3);
        var open = Enumerable.Range(0, 25).Select(i => Case(grid, $"c{i:D2}", evening.AddMinutes(i))).ToList();
        county.Apply(open);
        county.Apply(open.Skip(5).Select(c => c with { Version = 2, Status = EventStatus.Closed, ClosedAt = evening.AddMinutes(40) }));
        var afterMidnight = evening.AddHours(1.5);
        time.Now = afterMidnight;
        county.TakeRound(afterMidnight);
        var gridArea = AreaOf("grid", new EventQuery(GridId: grid.Grid.Id));
        var beforeReload = county.View(gridArea, afterMidnight, FeedSize).Recent.Count;

        county.Apply(open.Take(5));

        Assert.Equal(0, beforeReload);
        Assert.Equal(["c04", "c03", "c02", "c01", "c00"], county.View(gridArea, afterMidnight, FeedSize).Recent.Select(c => c.Id));
    }

    private static EventSummary Case(GridPlace grid, string id, DateTimeOffset reportedAt) =>
        new(id, grid.Grid.Id, grid.Village.Id, grid.Township.Id, "hazard", "Blocked drain", EventStatus.Dispatched,
            Priority.Normal, new Party("worker", "w"), null, 0, false, 0, reportedAt, null, 1, WholeDueAt: reportedAt.AddDays(1));

    /// <summary>One to six versions of a case, the last of which may close or cancel it; every case at its own times.</summary>
    private static List<EventSummary> History(Random random, string id, GridPlace grid, int index)
    {
        // Reported over the last 20 hours, so some yesterday, each in a second of its own, so that no two sort alike.
        var reportedAt = Now.AddSeconds(-72_000 + index * 17 % 72_000);
        var first = new EventSummary(id, grid.Grid.Id, grid.Village.Id, grid.Township.Id, "hazard", $"Report {index}",
            EventStatus.Reported, Priority.Normal, new Party("worker", "w"), null, 0, false, 0, reportedAt, null, 1,
            WholeDueAt: reportedAt.AddHours(random.Next(1, 30)));
        List<EventSummary> history = [first];
        var steps = random.Next(0, 6);
        for (var step = 1; step <= steps; step++)
        {
            var previous = history[^1];
            var last = step == steps;
            var status = last && random.Next(3) > 0
                ? random.Next(5) == 0 ? EventStatus.Cancelled : EventStatus.Closed
                : OpenStatuses[random.Next(OpenStatuses.Length)];
            history.Add(previous with
            {
                Version = previous.Version + 1,
                Status = status,
                Overdue = previous.Overdue || random.Next(5) == 0,
                ExtensionCount = previous.ExtensionCount + (random.Next(6) == 0 ? 1 : 0),
                ReworkCount = previous.ReworkCount + (random.Next(8) == 0 ? 1 : 0),
                ClosedAt = status == EventStatus.Closed ? reportedAt + (Now - reportedAt) * random.NextDouble() : null,
                FinishedAt = status is EventStatus.Closed or EventStatus.Cancelled ? Now.AddMinutes(-1) : null,
            });
        }
        return history;
    }

    private static DateTimeOffset Shown(EventSummary summary) => summary.ClosedAt ?? summary.ReportedAt;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static Area AreaOf(string level, EventQuery filter) =>
        new(filter.GridId ?? filter.TownshipId ?? County.Topology.City.Id, level, null, filter, 100);
}
