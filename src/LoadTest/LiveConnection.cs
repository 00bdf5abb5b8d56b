using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.LoadTest;

/// <summary>
/// A dashboard's connection to <c>/hubs/live</c> over WebSockets, as the page makes it. It asks for the drill view
/// (<c>SubscribeDrill</c>) first: where the Api keeps drill cases out of the county's view, that is the only view
/// that shows them; an Api without it answers that the method does not exist, and the county view shows them all.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private LiveConnection(HubConnection connection, bool drillView) => (_connection, DrillView) = (connection, drillView);

    /// <summary>True when the hub took the drill view; false for an Api that shows drill cases in the county's view.</summary>
    public bool DrillView { get; }

    /// <summary>Connects, calls <paramref name="onMessage"/> with each message's name, body and arrival time, and subscribes.</summary>
    public static async Task<LiveConnection> OpenAsync(
        Uri baseUrl, string token, string scope, Stopwatch clock, Action<string, JsonElement, TimeSpan> onMessage, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        foreach (var kind in new[] { "snapshot", "kpi", "grid", "event", "mode", "boards" })
        {
            connection.On<JsonElement>(kind, body => onMessage(kind, body, clock.Elapsed));
        }
        await connection.StartAsync(cancellationToken);
        try
        {
            await connection.InvokeAsync<string>("SubscribeDrill", scope, cancellationToken);
            return new LiveConnection(connection, drillView: true);
        }
        catch (HubException)
        {
            await connection.InvokeAsync<string>("Subscribe", scope, cancellationToken);
            return new LiveConnection(connection, drillView: false);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
