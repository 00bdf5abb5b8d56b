using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Points;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Topology;
using GridActors.Storage.Tests.Infrastructure;
using Orleans.Configuration;
using Orleans.TestingHost;
using static GridActors.Storage.Tests.Infrastructure.Reports;

namespace GridActors.Storage.Tests.Cluster;

/// <summary>
/// Three silos on one database, one of them killed without a chance to hand anything over: its grains come
/// back on the survivors from PostgreSQL, and no report the cluster acknowledged — before or during the kill
/// — is missing.
/// </summary>
public sealed class SiloKillTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // A call the killed silo took with it fails after this long rather than the default 30 s.
        var answerWithin = TimeSpan.FromSeconds(10);
        _cluster = PostgresCluster.Builder(_database, silos: 3, silo => silo
                .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = answerWithin)
                // Survivors declare the killed silo dead after two missed one-second probes, not three of five seconds.
                .Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2)))
            .ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = answerWithin))
            .Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IEventGrain Event(string id) => _cluster.Client.GetGrain<IEventGrain>(id);

    [Fact]
    public async Task KillSilo_ItsGrainsComeBackFromTheDatabaseOnTheSurvivors_AndNoAcknowledgedReportIsLost()
    {
        var cases = await SpreadCases(count: 36);
        // What the cases owe workers and ledgers is delivered just after each answer; let it land first.
        await Task.WhenAll(cases.Select(id => Event(id).DeliverPending()));
        var before = await Task.WhenAll(cases.Select(async id => (await Event(id).GetView())!));
        var citizens = before.Select(v => v.Report.Reporter.Id).Distinct().ToList();
        var balances = await Task.WhenAll(citizens.Select(Balance));
        var handlers = before.Select(v => v.Assignee!.Id).Distinct().ToList();
        var tasks = await Task.WhenAll(handlers.Select(OpenTasks));
        var (victim, hosted) = await BusiestSilo(cases);

        using var stopReporting = new CancellationTokenSource();
        var reporters = Enumerable.Range(0, 4).Select(i => Task.Run(() => ReportUntil(Grid(60 + i), stopReporting.Token))).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await _cluster.KillSiloAsync(victim);
        await stopReporting.CancelAsync();
        var acknowledged = (await Task.WhenAll(reporters)).SelectMany(ids => ids).ToList();
        await _cluster.WaitForLivenessToStabilizeAsync(didKill: true);

        var after = await Task.WhenAll(cases.Select(async id => (await Event(id).GetView())!));
        var balancesAfter = await Task.WhenAll(citizens.Select(Balance));
        var tasksAfter = await Task.WhenAll(handlers.Select(OpenTasks));
        var reportedDuringKill = await Task.WhenAll(acknowledged.Select(id => Event(id).GetView()));
        // A report whose follow-ups (telling its worker, projecting) failed with the silo is acknowledged — its
        // state is stored — and its follow-ups are retried on a timer; the listing catches up within seconds.
        var listed = await Eventually.Until(
            () => _database.ScalarAsync<long>("SELECT count(*) FROM events WHERE id = ANY(@ids)", ("ids", acknowledged.ToArray())),
            count => count == acknowledged.Count, TimeSpan.FromSeconds(30));
        var nextStep = await Event(hosted[0]).Act(By(EventAction.Supervise));

        Assert.True(hosted.Count >= 3, $"Only {hosted.Count} of the cases lived on the killed silo.");
        Assert.Equal(before.Select(v => (v.Id, v.Status, v.Version, v.Assignee)), after.Select(v => (v.Id, v.Status, v.Version, v.Assignee)));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.History, pair.Second.History));
        Assert.Equal(balances, balancesAfter);
        Assert.Equal(tasks, tasksAfter);
        Assert.NotEmpty(acknowledged);
        Assert.All(reportedDuringKill, view => Assert.Equal(EventStatus.Dispatched, view?.Status));
        Assert.Equal(acknowledged.Count, listed);
        Assert.Equal(ActionResult.Done, nextStep.Result);
    }

    /// <summary>Cases in a dozen grids at three stages of their loop, reported by a dozen citizens.</summary>
    private async Task<List<string>> SpreadCases(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => NewId()).ToList();
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var draft = In(Grid(40 + i % 12)) with { Reporter = new Party(PartyKinds.Citizen, $"kill-test-{i % 12}") };
            await Event(id).Report(draft);
            foreach (var step in new[] { EventAction.Start, EventAction.Resolve }.Take(i % 3))
            {
                await Event(id).Act(By(step));
            }
        }));
        return ids;
    }

    private async Task<int> Balance(string citizen) => (await _cluster.Client.GetGrain<ILedgerGrain>($"C-{citizen}").GetView()).Balance;

    private async Task<string> OpenTasks(string workerId) =>
        string.Join(",", (await _cluster.Client.GetGrain<IWorkerGrain>(workerId).GetView()).OpenTaskIds.Order());

    /// <summary>The silo holding most of the cases, and which cases those are.</summary>
    private async Task<(InProcessSiloHandle Silo, List<string> Cases)> BusiestSilo(List<string> cases)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var placed = await management.GetDetailedGrainStatistics();
        var tracked = cases.ToDictionary(id => Event(id).GetGrainId());
        var bySilo = placed.Where(p => tracked.ContainsKey(p.GrainId)).GroupBy(p => p.SiloAddress).MaxBy(g => g.Count())!;
        return (_cluster.Silos.Single(s => s.SiloAddress.Equals(bySilo.Key)), [.. bySilo.Select(p => tracked[p.GrainId])]);
    }

    /// <summary>
    /// Files reports one after another until told to stop, and returns those the cluster acknowledged. A report
    /// that failed — its silo died under it — was never acknowledged, so it promises nothing either way.
    /// </summary>
    private async Task<List<string>> ReportUntil(GridPlace grid, CancellationToken stop)
    {
        var acknowledged = new List<string>();
        var draft = In(grid) with { Reporter = new Party("hotline", "12345") };
        while (!stop.IsCancellationRequested)
        {
            var id = NewId();
            try
            {
                if ((await Event(id).Report(draft)).Result == ReportResult.Created)
                {
                    acknowledged.Add(id);
                }
            }
            catch (Exception failure) when (failure is OrleansException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        }
        return acknowledged;
    }
}
