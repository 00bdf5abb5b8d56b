using System.Collections.Concurrent;
using System.Text.Json;
using GridActors.Storage.Tests.Durability;
using GridActors.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.Storage.Tests.Live;

/// <summary>
/// Two Api processes on one database form one cluster with no SignalR backplane: a dashboard connected to one
/// node sees the cases reported through the other, because each node subscribes to the Orleans streams itself.
/// </summary>
public sealed class TwoApiNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ADashboardOnOneNode_SeesReportsMadeThroughTheOther()
    {
        await using var first = await ApiProcess.StartAsync(_database);
        await using var second = await ApiProcess.StartAsync(_database);
        using var reporter = await first.ClientFor("city");
        // Before the dashboard connects: it reaches the second node's view through the read model, not a stream.
        await reporter.ReportAsync(Reports.Grid(40).Grid.Id);
        var messages = new ConcurrentQueue<(string Kind, JsonElement Body)>();
        await using var dashboard = new HubConnectionBuilder()
            .WithUrl(new Uri(second.Address, "/hubs/live"), options => options.AccessTokenProvider = async () => await second.TokenFor("city"))
            .Build();
        foreach (var kind in new[] { "snapshot", "kpi", "event" })
        {
            dashboard.On<JsonElement>(kind, body => messages.Enqueue((kind, body)));
        }
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<string>("Subscribe", "city");

        List<string> reported = [];
        for (var i = 0; i < 3; i++)
        {
            reported.Add((await reporter.ReportAsync(Reports.Grid(41 + i).Grid.Id))!);
        }
        var fed = await Eventually.Until(
            () => Task.FromResult(FedIds(messages)),
            ids => reported.All(ids.Contains),
            Within);
        var tiles = await Eventually.Until(
            () => Task.FromResult(messages.LastOrDefault(m => m.Kind is "kpi" or "snapshot").Body),
            kpi => kpi.ValueKind != JsonValueKind.Undefined && kpi.GetProperty("kpi").GetProperty("reportedToday").GetInt32() == 4,
            Within);

        Assert.Equal("snapshot", messages.First().Kind);
        Assert.Subset(fed, reported.ToHashSet());
        Assert.Equal(4, tiles.GetProperty("kpi").GetProperty("reportedToday").GetInt32());
    }

    private static HashSet<string> FedIds(IEnumerable<(string Kind, JsonElement Body)> messages) =>
        [.. messages.Where(m => m.Kind == "event").SelectMany(m => m.Body.GetProperty("cases").EnumerateArray()).Select(c => c.GetProperty("id").GetString()!)];
}
