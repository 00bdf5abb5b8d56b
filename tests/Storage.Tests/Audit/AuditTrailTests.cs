using GridActors.Grains.Audit;
using GridActors.Grains.Events;
using GridActors.Grains.Events.Store;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Events;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.Audit;

/// <summary>
/// The audit trail on a real PostgreSQL: a case's step and its line land in one commit, or neither does; the table
/// refuses to be rewritten; and its query in SQL selects what <see cref="AuditQuery.Matches"/> says.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class AuditTrailTests(PostgresSiloFixture fixture)
{
    private static readonly AuditActor Operator = new("township", "fenglu", "operator-li");

    private IEventGrain Event(string id) => fixture.Grains.GetGrain<IEventGrain>(id);

    private IAuditTrail Trail => fixture.SiloServices.GetRequiredService<IAuditTrail>();

    private Task<long> LinesOf(string caseId) =>
        fixture.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = @id", ("id", caseId));

    [Fact]
    public async Task EachStep_IsOneLineCommittedWithIt_NamingWhoTookIt()
    {
        var id = NewId();
        await Event(id).Report(In(Grid(33)), Operator);
        await Event(id).Act(By(EventAction.Start) with { By = Operator });

        var lines = await Trail.Query(new AuditQuery(SubjectId: id), TestContext.Current.CancellationToken);

        Assert.Equal(["start", "report"], lines.Items.Select(l => l.Action));
        Assert.All(lines.Items, l => Assert.Equal(Operator, l.Actor));
        Assert.Contains("report → accept → dispatch", lines.Items[1].Detail);
        Assert.Equal(Grid(33).Township.Id, lines.Items[0].TownshipId);
    }

    [Fact]
    public async Task AStepThatLostItsVersionRace_LeavesNoLine()
    {
        var id = NewId();
        await Event(id).Report(In(Grid(34)), Operator);
        var store = fixture.SiloServices.GetRequiredService<ICaseStore>();
        var stored = (await store.Load(id))!.State;
        var before = await LinesOf(id);

        var committed = await store.Commit(new CaseCommit(id, ExpectedVersion: stored.Version - 1, stored,
            CaseViews.Summary(id, stored), Deadline: null, Outbox: null,
            new AuditEntry(DateTimeOffset.UtcNow, Operator, "cancel", new AuditSubject("event", id), AuditOutcomes.Ok, null, null)));

        Assert.False(committed);
        Assert.Equal(before, await LinesOf(id));
    }

    [Fact]
    public async Task ADrillsCase_IsNotAudited()
    {
        var id = NewId();

        await Event(id).Report(In(Grid(35)) with { Drill = $"audit-{Guid.NewGuid():N}"[..20] }, Operator);

        Assert.Equal(0, await LinesOf(id));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET detail = 'rewritten' WHERE subject_id = @id")]
    [InlineData("DELETE FROM audit_log WHERE subject_id = @id")]
    public async Task TheTrail_RefusesToBeRewritten(string statement)
    {
        var id = NewId();
        await Event(id).Report(In(Grid(36)), Operator);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.ExecuteAsync(statement, ("id", id)));

        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(1, await LinesOf(id));
    }

    [Fact]
    public async Task Query_InSql_SelectsAsTheRuleDoes()
    {
        var subject = $"audit-{Guid.NewGuid():N}";
        var start = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 24).Select(i => new AuditEntry(
            start.AddMinutes(i),
            i % 3 == 0 ? new AuditActor("city", "chengjiang", null) : new AuditActor("township", i % 2 == 0 ? "fenglu" : "longjie", $"op-{i % 2}"),
            i % 4 == 0 ? "read-personal" : "verify",
            new AuditSubject("event", i % 5 == 0 ? subject : $"{subject}-{i}"),
            AuditOutcomes.Ok, null, i % 2 == 0 ? "fenglu" : "longjie")).ToList();
        await Task.WhenAll(entries.Select(Trail.Append));
        AuditQuery[] queries =
        [
            new(SubjectId: subject),
            new(Actor: "city:chengjiang", From: start, To: start.AddMinutes(24), PageSize: 200),
            new(Actor: "op-1", Action: "verify", From: start, To: start.AddMinutes(12), PageSize: 200),
            new(TownshipId: "fenglu", Action: "read-personal", From: start, To: start.AddMinutes(24), PageSize: 200),
        ];

        foreach (var query in queries)
        {
            var page = await Trail.Query(query, TestContext.Current.CancellationToken);
            var expected = entries.Where(query.Matches).Where(e => e.Subject.Id.StartsWith(subject, StringComparison.Ordinal)).OrderByDescending(e => e.At).ToList();
            Assert.Equal(expected.Select(e => (e.Subject.Id, e.Action, e.Actor)), page.Items.Where(e => e.Subject.Id.StartsWith(subject, StringComparison.Ordinal)).Select(e => (e.Subject.Id, e.Action, e.Actor)));
        }
    }
}
