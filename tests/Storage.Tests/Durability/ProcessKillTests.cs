using GridActors.Grains.Topology;
using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.Durability;

/// <summary>
/// The Api killed with <c>kill -9</c> while reports are coming in, and started again on the same database:
/// every report and step it acknowledged is there, the read model lists them, ledgers are exact — each award
/// paid once, none lost — and a deadline that came due while it was down still fires.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    /// <summary>An hour a second: an urgent case's four handling hours pass in four seconds.</summary>
    private static readonly Dictionary<string, string> FastClock = new() { ["Clock:Speed"] = "3600" };

    private static readonly GridPlace[] Grids = [.. Enumerable.Range(200, 4).Select(Reports.Grid)];
    private static readonly GridPlace UrgentGrid = Reports.Grid(210);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task KilledApi_RestartedOnTheSameDatabase_KeepsWhatItAcknowledged_PaysExactlyOnce_AndFiresDueDeadlines()
    {
        Dictionary<string, string> acknowledged;
        string urgent;
        SiloPorts ports;
        await using (var first = await ApiProcess.StartAsync(_database, FastClock))
        {
            ports = first.Ports;
            acknowledged = await SettledWork(first);
            using var city = await first.ClientFor("city");
            urgent = (await city.ReportAsync(UrgentGrid.Grid.Id, priority: "urgent"))!;
            acknowledged[urgent] = "dispatched";

            using var stopReporting = new CancellationTokenSource();
            var reporters = Grids.Select(grid => Task.Run(() => ReportUntil(first, grid, stopReporting.Token))).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await first.KillAsync();
            await stopReporting.CancelAsync();
            foreach (var id in (await Task.WhenAll(reporters)).SelectMany(ids => ids))
            {
                acknowledged[id] = "dispatched";
            }
        }

        // Restarted as a service manager restarts a host: same configuration, so the same silo ports. The new
        // silo then supersedes its dead predecessor at once instead of waiting for its membership row to go stale.
        await using var second = await ApiProcess.StartAsync(_database, FastClock, ports);
        using var city2 = await second.ClientFor("city");
        var behind = await Eventually.Until(CasesBehindTheirState, count => count == 0, TimeSpan.FromSeconds(30));
        var statuses = await Task.WhenAll(acknowledged.Keys.Select(async id =>
            KeyValuePair.Create(id, (await city2.GetCaseAsync(id)).GetProperty("status").GetString()!)));
        var listed = (await Task.WhenAll(Grids.Append(UrgentGrid).Select(grid => city2.ListAsync(grid.Grid.Id)))).SelectMany(page => page).ToDictionary();
        var casesByCitizen = await CasesByCitizen();
        var balances = await Task.WhenAll(casesByCitizen.Keys.Select(async citizen => (Citizen: citizen, Balance: await city2.BalanceAsync($"C-{citizen}"))));
        var branches = await Task.WhenAll(Grids.Select(grid => city2.BalanceAsync($"P-{grid.Grid.Id}")));
        var strayAwards = await _database.ScalarAsync<long>("""
            SELECT count(*) FROM ledger_entries l
            WHERE l.participant_id LIKE 'C-%' AND NOT EXISTS (SELECT 1 FROM events e WHERE 'C-' || e.reporter_id = l.participant_id)
            """);
        var watchdog = await _database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE @shard", ("shard", $"%{UrgentGrid.Grid.Id}"));
        // No traffic reaches the urgent case's grid after the restart: DeadlineRecovery wakes its shard, which
        // loads what the killed process stored and fires the breach that fell due meanwhile.
        var urgentAfter = await Eventually.Until(() => city2.GetCaseAsync(urgent), c => c.GetProperty("overdue").GetBoolean(), TimeSpan.FromSeconds(30));

        Assert.Equal(0, behind);
        Assert.Equal(acknowledged.OrderBy(a => a.Key), statuses.OrderBy(s => s.Key));
        Assert.All(acknowledged, a => Assert.Equal(a.Value, listed.GetValueOrDefault(a.Key)));
        Assert.All(balances, b => Assert.Equal(5 * casesByCitizen[b.Citizen], b.Balance));
        Assert.Equal(0, strayAwards);
        Assert.All(branches, balance => Assert.Equal(ClosedPerGrid, balance));
        Assert.Equal(1, watchdog);
        Assert.True(urgentAfter.GetProperty("overdue").GetBoolean(), $"The urgent case never became overdue: {urgentAfter}");
        Assert.Contains(urgentAfter.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "breach");
    }

    private const int CitizensPerGrid = 3;
    private const int ClosedPerGrid = CitizensPerGrid;

    /// <summary>
    /// Three citizens a grid, three reports each (within the daily cap of four paid reports); of each citizen's
    /// cases one is closed and one started. Returns every case with the status its last step was acknowledged with.
    /// </summary>
    private static async Task<Dictionary<string, string>> SettledWork(ApiProcess api)
    {
        using var city = await api.ClientFor("city");
        var acknowledged = new Dictionary<string, string>();
        foreach (var grid in Grids)
        {
            for (var c = 0; c < CitizensPerGrid; c++)
            {
                using var citizen = await api.ClientFor("citizen", $"{grid.Grid.Id}-c{c}");
                var ids = new List<string>();
                for (var r = 0; r < 3; r++)
                {
                    ids.Add((await citizen.ReportAsync(grid.Grid.Id))!);
                    acknowledged[ids[^1]] = "dispatched";
                }
                foreach (var action in new[] { "start", "resolve" })
                {
                    await city.ActAsync(ids[0], action);
                }
                acknowledged[ids[0]] = await city.ActAsync(ids[0], "verify", new { passed = true });
                acknowledged[ids[1]] = await city.ActAsync(ids[1], "start");
            }
        }
        return acknowledged;
    }

    /// <summary>
    /// Reports one after another, each by a new citizen, until told to stop; returns those acknowledged with 201.
    /// A report whose connection died with the process was never acknowledged, so it promises nothing either way.
    /// </summary>
    private static async Task<List<string>> ReportUntil(ApiProcess api, GridPlace grid, CancellationToken stop)
    {
        var acknowledged = new List<string>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                using var citizen = await api.ClientFor("citizen", $"flood-{grid.Grid.Id}-{n}");
                if (await citizen.ReportAsync(grid.Grid.Id) is { } id)
                {
                    acknowledged.Add(id);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        }
        return acknowledged;
    }

    /// <summary>The healer's own question: cases whose stored state is ahead of their projection.</summary>
    /// <summary>
    /// Steps whose outbox the kill left undelivered, plus (never, since they commit together) cases whose listing
    /// row is not at their state's version: the restarted silo's sweeper must bring the first to 0.
    /// </summary>
    private Task<long> CasesBehindTheirState() => _database.ScalarAsync<long>("""
        SELECT (SELECT count(*) FROM case_outbox)
             + (SELECT count(*) FROM cases c LEFT JOIN events e ON e.id = c.id WHERE e.id IS NULL OR e.version <> c.version)
        """);

    private async Task<Dictionary<string, long>> CasesByCitizen() =>
        (await _database.RowsAsync(
            "SELECT reporter_id, count(*) FROM events WHERE reporter_kind = 'citizen' GROUP BY reporter_id",
            row => (Citizen: row.GetString(0), Cases: row.GetInt64(1))))
        .ToDictionary(row => row.Citizen, row => row.Cases);
}
