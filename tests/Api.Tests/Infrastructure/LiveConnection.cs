using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>
/// A dashboard's connection to <c>/hubs/live</c> over WebSockets on the test server, recording every message
/// it receives with the moment it arrived.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    public static readonly string[] Kinds = ["snapshot", "kpi", "grid", "event", "mode", "boards"];

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<LiveMessage> _received = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LiveConnection(HubConnection connection)
    {
        _connection = connection;
        foreach (var kind in Kinds)
        {
            _connection.On<JsonElement>(kind, body => _received.Enqueue(new LiveMessage(kind, body, _clock.Elapsed)));
        }
    }

    public static async Task<LiveConnection> Open<T>(WebApplicationFactory<T> api, string token) where T : class
    {
        var server = api.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        await connection.StartAsync();
        return new LiveConnection(connection);
    }

    /// <summary>Time since the connection opened, on the clock the messages are stamped with.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<LiveMessage> Received => [.. _received];

    public Task<string> Subscribe(string scope) => _connection.InvokeAsync<string>("Subscribe", scope);

    public Task Unsubscribe(string scope) => _connection.InvokeAsync("Unsubscribe", scope);

    public Task<string> SubscribeDrill(string scope) => _connection.InvokeAsync<string>("SubscribeDrill", scope);

    /// <summary>Any hub method that takes a scope, by name.</summary>
    public Task Invoke(string method, string scope) => _connection.InvokeAsync(method, scope);

    /// <summary>The first message of the kind that satisfies the predicate, waiting for it up to <paramref name="within"/>.</summary>
    public async Task<LiveMessage> WaitFor(string kind, Func<JsonElement, bool> predicate, TimeSpan? within = null)
    {
        var deadline = _clock.Elapsed + (within ?? TimeSpan.FromSeconds(10));
        while (_clock.Elapsed < deadline)
        {
            if (_received.FirstOrDefault(m => m.Kind == kind && predicate(m.Body)) is { } found)
            {
                return found;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No '{kind}' message as expected within {within ?? TimeSpan.FromSeconds(10)}; got {_received.Count} messages.");
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>One message from the hub: its name, its body and when it arrived.</summary>
public sealed record LiveMessage(string Kind, JsonElement Body, TimeSpan At);
