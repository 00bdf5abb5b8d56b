using GridActors.Storage.Tests.Durability;
using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.Cluster;

/// <summary>
/// Real hosts, as the README runs them: the Api with its co-hosted silo and two headless silos, started together
/// on one empty database, form one cluster through the ADO.NET membership table; one silo killed with
/// <c>kill -9</c> is declared dead by the others, and the county goes on, its cases intact.
/// </summary>
public sealed class ThreeHostsTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ThreeHostsFormOneCluster_AndSurviveLosingOne()
    {
        await using var second = SiloProcess.Start(_database);
        await using var third = SiloProcess.Start(_database);
        await using var api = await ApiProcess.StartAsync(_database);
        var formed = await Eventually.Until(() => Statuses(), s => s.Count(p => p.Value == Active) == 3, Within);

        using var city = await api.ClientFor("city");
        var before = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            before.Add((await city.ReportAsync(Reports.Grid(300 + i).Grid.Id))!);
        }
        await second.KillAsync();
        var afterKill = await Eventually.Until(() => Statuses(), s => s.GetValueOrDefault(second.Ports.Silo) == Dead, Within);
        // A grain that lived on the killed silo may answer 503 (Retry-After) until the cluster has moved its
        // activation: new reports retry as a client does, with the same Idempotency-Key, and old cases are read
        // until they answer; the promise is that each is there, as acknowledged, once it has.
        var after = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            after.Add(await city.ReportPatientlyAsync(Reports.Grid(330 + i).Grid.Id, Within));
        }
        var statuses = await Task.WhenAll(before.Concat(after).Select(async id =>
            (await Eventually.Until(() => city.GetCaseAsync(id), c => c.TryGetProperty("status", out _), Within))
                .TryGetProperty("status", out var status) ? status.GetString() : null));

        Assert.Equal([Active, Active, Active], formed.Values);
        Assert.Equal(Dead, afterKill[second.Ports.Silo]);
        Assert.Equal(Active, afterKill[third.Ports.Silo]);
        Assert.Equal(Active, afterKill[api.Ports.Silo]);
        Assert.All(before.Concat(after), id => Assert.NotNull(id));
        Assert.All(statuses, status => Assert.Equal("dispatched", status));
    }

    /// <summary>The latest membership row of each silo port: a restarted silo has a row per generation.</summary>
    private async Task<Dictionary<int, int>> Statuses() =>
        (await _database.RowsAsync(
            "SELECT DISTINCT ON (port) port, status FROM orleans_membership ORDER BY port, generation DESC",
            row => (Port: row.GetInt32(0), Status: row.GetInt32(1))))
        .ToDictionary(row => row.Port, row => row.Status);
}
