using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.ReadModel;

/// <summary>
/// The read model's counting and live-view queries in SQL say what their C# rules say: the same cases give the
/// same tally as <see cref="CaseTally.Of"/>, also split by when they finished as the boards keep them, and the
/// live view's start is exactly the cases that <see cref="EventSummary.IsCurrent"/>. A finished row with no finish
/// time (a silo of an older version wrote it) is counted with the unfinished ones, so it is never left out.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class ReadModelQueriesTests(PostgresSiloFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayStart = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Tally_InSql_CountsAsTheRuleDoes_ByVillage()
    {
        var township = $"tally-{Guid.NewGuid():N}";
        var cases = Cases(township);
        foreach (var summary in cases)
        {
            await fixture.ReadModel.Project(summary);
        }

        var tallies = await fixture.ReadModel.Tally(new EventQuery(TownshipId: township), Now, TallyBy.Village, TestContext.Current.CancellationToken);
        var whole = await fixture.ReadModel.Tally(new EventQuery(TownshipId: township), Now, TallyBy.Whole, TestContext.Current.CancellationToken);

        Assert.Equal(cases.GroupBy(c => c.VillageId).ToDictionary(v => v.Key, v => Rounded(CaseTally.Of(v, Now))),
            tallies.ToDictionary(t => t.Key, t => Rounded(t.Value)));
        Assert.Equal(Rounded(CaseTally.Of(cases, Now)), Rounded(whole[""]));
        Assert.True(whole[""] is { Cancelled: > 0, Parked: > 0, ClosedOnTime: > 0, ReworkedClosed: > 0, Extended: > 0, Overdue: > 0 },
            "the cases exercise every count");
    }

    [Fact]
    public async Task Query_ByIdsCategoriesAndOpenness_InSql_SelectsAsTheRuleDoes()
    {
        var township = $"open311-{Guid.NewGuid():N}";
        var cases = Cases(township).Select((c, i) => i % 3 == 0 ? c with { Category = "dispute" } : c).ToList();
        foreach (var summary in cases)
        {
            await fixture.ReadModel.Project(summary);
        }
        var ct = TestContext.Current.CancellationToken;
        EventQuery[] queries =
        [
            new(TownshipId: township, IsOpen: true, PageSize: 200),
            new(TownshipId: township, IsOpen: false, Categories: ["dispute"], PageSize: 200),
            new(TownshipId: township, Categories: ["dispute", "hazard"], PageSize: 200),
            new(Ids: [cases[1].Id, cases[4].Id, cases[9].Id, "no-such-case"], PageSize: 200),
        ];

        foreach (var query in queries)
        {
            var page = await fixture.ReadModel.Query(query, ct);
            Assert.Equal(cases.Where(query.Matches).Select(c => c.Id).Order(), page.Items.Select(c => c.Id).Order());
        }
        Assert.Contains(cases, c => !c.IsOpen && c.Category == "dispute");
    }

    [Fact]
    public async Task Query_ByAssigneeKindAndPriority_InSql_SelectsAsTheRuleDoes()
    {
        var township = $"handlers-{Guid.NewGuid():N}";
        Party?[] assignees = [null, new("worker", "W0001"), new("volunteer", "V0001"), new("department", "public-security")];
        Priority[] priorities = [Priority.Normal, Priority.Urgent, Priority.Critical];
        var cases = Cases(township).Select((c, i) => c with { Assignee = assignees[i % 4], Priority = priorities[i % 3] }).ToList();
        foreach (var summary in cases)
        {
            await fixture.ReadModel.Project(summary);
        }
        var ct = TestContext.Current.CancellationToken;
        EventQuery[] queries =
        [
            new(TownshipId: township, AssigneeKind: "volunteer", PageSize: 200),
            new(TownshipId: township, AssigneeKind: "worker", Status: EventStatus.Closed, PageSize: 200),
            new(TownshipId: township, Priority: Priority.Normal, Categories: ["hazard"], PageSize: 200),
            // The exact assignee and the kind together: a kind that is not the assignee's finds nothing.
            new(TownshipId: township, Assignee: new Party("volunteer", "V0001"), AssigneeKind: "volunteer", PageSize: 200),
            new(TownshipId: township, Assignee: new Party("volunteer", "V0001"), AssigneeKind: "worker", PageSize: 200),
        ];

        foreach (var query in queries)
        {
            var page = await fixture.ReadModel.Query(query, ct);
            Assert.Equal(cases.Where(query.Matches).Select(c => c.Id).Order(), page.Items.Select(c => c.Id).Order());
        }
        Assert.Contains(cases, c => c.Assignee?.Kind == "volunteer" && c.Priority == Priority.Normal);
    }

    [Fact]
    public async Task SelectCurrent_InSql_IsExactlyTheCurrentCases()
    {
        var township = $"current-{Guid.NewGuid():N}";
        var cases = Cases(township);
        foreach (var summary in cases)
        {
            await fixture.ReadModel.Project(summary);
        }

        var current = await fixture.ReadModel.SelectCurrent(DayStart, CaseSet.County, TestContext.Current.CancellationToken);

        Assert.Equal(
            cases.Where(c => c.IsCurrent(DayStart)).Select(c => c.Id).Order(),
            current.Where(c => c.TownshipId == township).Select(c => c.Id).Order());
    }

    [Fact]
    public async Task TallyFinishedAndUnfinished_InSql_SplitThePeriodAsTheRuleDoes()
    {
        var township = $"split-{Guid.NewGuid():N}";
        var cases = Cases(township);
        foreach (var summary in cases)
        {
            await fixture.ReadModel.Project(summary);
        }
        // Finished rows as a silo of the version before 0010 writes them, during a rolling upgrade: no finish time.
        var unknown = cases.Where(c => !c.IsOpen).Take(3).Select(c => c.Id).ToList();
        await fixture.Database.ExecuteAsync("UPDATE events SET finished_at = NULL WHERE id = ANY(@ids)", ("ids", unknown.ToArray()));
        var from = Now.AddHours(-20);
        var earlier = Now.AddHours(-12);
        var later = Now.AddHours(-3);
        var ct = TestContext.Current.CancellationToken;
        bool FinishedBy(EventSummary c, DateTimeOffset by) => !unknown.Contains(c.Id) && c.FinishedTime <= by;

        var kept = await fixture.ReadModel.TallyFinished(from, null, earlier, ct);
        var added = await fixture.ReadModel.TallyFinished(from, earlier, later, ct);
        var unfinished = await fixture.ReadModel.TallyUnfinished(from, later, Now, ct);

        var inPeriod = cases.Where(c => c.ReportedAt >= from).ToList();
        Assert.Equal(ByVillage(inPeriod.Where(c => FinishedBy(c, earlier))), Of(kept, township));
        Assert.Equal(ByVillage(inPeriod.Where(c => FinishedBy(c, later) && !FinishedBy(c, earlier))), Of(added, township));
        Assert.Equal(ByVillage(inPeriod.Where(c => !FinishedBy(c, later))), Of(unfinished, township));
        Assert.Equal(ByVillage(inPeriod), Of(Sum(kept, added, unfinished), township));
        Assert.All([kept, added, unfinished], part => Assert.NotEmpty(Of(part, township)));
    }

    private static Dictionary<string, CaseTally> ByVillage(IEnumerable<EventSummary> cases) =>
        cases.GroupBy(c => c.VillageId).ToDictionary(v => v.Key, v => Rounded(CaseTally.Of(v, Now)));

    private static Dictionary<string, CaseTally> Of(IReadOnlyDictionary<VillageOf, CaseTally> tallies, string township) =>
        tallies.Where(t => t.Key.TownshipId == township).ToDictionary(t => t.Key.VillageId, t => Rounded(t.Value));

    private static Dictionary<VillageOf, CaseTally> Sum(params IReadOnlyDictionary<VillageOf, CaseTally>[] parts) =>
        parts.SelectMany(part => part).GroupBy(t => t.Key)
            .ToDictionary(v => v.Key, v => v.Aggregate(CaseTally.Empty, (sum, t) => sum.Plus(t.Value)));

    /// <summary>Every status, on time and late, reworked, extended, parked, before and after the day began.</summary>
    private static List<EventSummary> Cases(string township)
    {
        var statuses = Enum.GetValues<EventStatus>();
        return [.. Enumerable.Range(0, 60).Select(i =>
        {
            var status = statuses[i % statuses.Length];
            var reportedAt = Now.AddHours(-(i % 30));
            var closed = status == EventStatus.Closed;
            return new EventSummary(
                $"{township}-{i}", $"{township}-g{i % 4}", $"{township}-v{i % 2}", township, "hazard", "Tallied",
                status, Priority.Normal, new Party("worker", "w"), null, 0,
                Overdue: i % 5 == 0, ReworkCount: i % 3 == 0 ? 1 : 0, reportedAt,
                ClosedAt: closed ? reportedAt.AddHours(i % 7) : null, Version: 1,
                ExtensionCount: i % 4 == 0 ? 1 : 0, WholeDueAt: i % 6 == 0 ? null : reportedAt.AddHours(4),
                FinishedAt: closed ? reportedAt.AddHours(i % 7) : status == EventStatus.Cancelled ? reportedAt.AddHours(i % 5) : null);
        })];
    }

    /// <summary>Hours summed in SQL and in C# differ in the last bits of a double.</summary>
    private static CaseTally Rounded(CaseTally tally) => tally with { HandlingHours = Math.Round(tally.HandlingHours, 6) };
}
