using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.LoadTest;

/// <summary>A dashboard's connection to <c>/hubs/live</c> over WebSockets, as the page makes it.</summary>
public sealed class LiveConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private LiveConnection(HubConnection connection) => _connection = connection;

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
        await connection.InvokeAsync<string>("Subscribe", scope, cancellationToken);
        return new LiveConnection(connection);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
