using GridActors.Grains.Drills;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.ReadModel;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.Drills;

/// <summary>
/// Drill cases on a real PostgreSQL: the drill id lives in <c>events.drill</c> (migration 0012) and keeps the case
/// out of the county's questions; a drill's cleanup deletes every row of its cases, its outboxes, deadline entries
/// and ledger entries in bulk, and leaves the county's alone.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class DrillCasesTests(PostgresSiloFixture fixture)
{
    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private static string NewDrill() => $"storage-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task DrillColumn_HoldsTheDrill_AndKeepsTheCaseToItsDrillsQuestions()
    {
        var grid = Grid(60);
        var drill = NewDrill();
        var drillCase = NewId();
        var countyCase = NewId();
        var reported = (await Event(drillCase).Report(In(grid) with { Drill = drill })).Event!;
        await Event(countyCase).Report(In(grid));
        var cancellation = TestContext.Current.CancellationToken;

        var column = await fixture.Database.ScalarAsync<string>("SELECT drill FROM events WHERE id = @id", ("id", drillCase));
        var found = await fixture.ReadModel.Find(drillCase, cancellation);
        var county = await fixture.ReadModel.Query(new EventQuery(GridId: grid.Grid.Id), cancellation);
        var ofDrill = await fixture.ReadModel.Query(new EventQuery(Cases: CaseSet.OfDrill(drill)), cancellation);
        var tally = await fixture.ReadModel.Tally(new EventQuery(GridId: grid.Grid.Id), reported.ReportedAt, TallyBy.Whole, cancellation);
        var drillsToday = await fixture.ReadModel.SelectCurrent(reported.ReportedAt.AddHours(-1), CaseSet.AllDrills, cancellation);
        var countyToday = await fixture.ReadModel.SelectCurrent(reported.ReportedAt.AddHours(-1), CaseSet.County, cancellation);

        Assert.Equal(drill, column);
        Assert.Equal(drill, found!.Drill);
        Assert.Equal([countyCase], county.Items.Select(e => e.Id));
        Assert.Equal([drillCase], ofDrill.Items.Select(e => e.Id));
        Assert.Equal(1, tally[""].Reported);
        Assert.Contains(drillCase, drillsToday.Select(e => e.Id));
        Assert.DoesNotContain(countyCase, drillsToday.Select(e => e.Id));
        Assert.DoesNotContain(drillCase, countyToday.Select(e => e.Id));
    }

    [Fact]
    public async Task Cleanup_ADrillOfManyCases_DeletesEveryRowOfThem_LeavesTheCountysAlone_AndIsIdempotent()
    {
        var grid = Grid(61);
        var drill = NewDrill();
        var ids = Enumerable.Range(0, 1_200).Select(_ => NewId()).ToList();
        var countyCase = NewId();
        await Event(countyCase).Report(In(grid));
        await Parallel.ForEachAsync(ids.Index(), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (item, _) =>
        {
            var (index, id) = item;
            await Event(id).Report(In(grid) with { Drill = drill });
            // Every other case is closed, and so owes the drill's ledgers its awards.
            if (index % 2 == 0)
            {
                foreach (var step in new[] { By(EventAction.Start), By(EventAction.Resolve), By(EventAction.Verify, passed: true) })
                {
                    await Event(id).Act(step);
                }
            }
        });
        var prefix = $"drill:{drill}:%";
        await Eventually.Until(() => fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE participant_id LIKE @prefix", ("prefix", prefix)), n => n > 0);
        var cleanup = fixture.SiloServices.GetRequiredService<DrillCleanup>();

        var erased = await cleanup.Erase(drill, TestContext.Current.CancellationToken);
        var again = await cleanup.Erase(drill, TestContext.Current.CancellationToken);

        Assert.Equal((1_200, 0), (erased, again));
        var idArray = ids.ToArray();
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE drill = @drill", ("drill", drill)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM cases WHERE id = ANY(@ids)", ("ids", idArray)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM case_outbox WHERE case_id = ANY(@ids)", ("ids", idArray)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM deadline_entries WHERE target_kind = 'event' AND target_id = ANY(@ids)", ("ids", idArray)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_entries WHERE participant_id LIKE @prefix", ("prefix", prefix)));
        Assert.Null(await Event(ids[0]).GetView());
        Assert.NotNull(await Event(countyCase).GetView());
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE id = @id", ("id", countyCase)));
    }
}
