using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// Dashboards that behave as the page does through an outage: SignalR's automatic reconnect, never giving up,
/// and a fresh subscription after every reconnect, which the hub answers with a snapshot. The drill counts the
/// reconnects and checks that each one was followed by a snapshot.
/// </summary>
public sealed class ReconnectingDashboards : IAsyncDisposable
{
    private readonly List<Dashboard> _dashboards;

    private ReconnectingDashboards(List<Dashboard> dashboards) => _dashboards = dashboards;

    public static async Task<ReconnectingDashboards> OpenAsync(Uri baseUrl, string token, int count, CancellationToken cancellationToken)
    {
        var dashboards = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Dashboard.OpenAsync(baseUrl, token, cancellationToken)));
        return new ReconnectingDashboards([.. dashboards]);
    }

    public int Count => _dashboards.Count;

    public int Reconnects => _dashboards.Sum(d => d.Reconnects);

    /// <summary>Dashboards that reconnected but got no snapshot after their last reconnect.</summary>
    public int Unsynchronised => _dashboards.Count(d => d.Reconnects > 0 && !d.SnapshotSinceReconnect);

    /// <summary>Dashboards that were not connected when asked.</summary>
    public int Disconnected => _dashboards.Count(d => d.State != HubConnectionState.Connected);

    public async ValueTask DisposeAsync()
    {
        foreach (var dashboard in _dashboards)
        {
            await dashboard.DisposeAsync();
        }
    }

    private sealed class Dashboard : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private int _reconnects;
        private volatile bool _snapshotSinceReconnect;

        private Dashboard(HubConnection connection) => _connection = connection;

        public int Reconnects => Volatile.Read(ref _reconnects);

        public bool SnapshotSinceReconnect => _snapshotSinceReconnect;

        public HubConnectionState State => _connection.State;

        public static async Task<Dashboard> OpenAsync(Uri baseUrl, string token, CancellationToken cancellationToken)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/live"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .WithAutomaticReconnect(new EverySecond())
                .Build();
            var dashboard = new Dashboard(connection);
            connection.On<System.Text.Json.JsonElement>("snapshot", _ => dashboard._snapshotSinceReconnect = true);
            connection.Reconnected += async _ =>
            {
                Interlocked.Increment(ref dashboard._reconnects);
                dashboard._snapshotSinceReconnect = false;
                // A new connection belongs to no group: subscribe again, as the page does.
                await connection.InvokeAsync<string>("Subscribe", "city");
            };
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<string>("Subscribe", "city", cancellationToken);
            return dashboard;
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }

    /// <summary>A wall dashboard never gives up: once a second, for as long as the drill runs.</summary>
    private sealed class EverySecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromSeconds(1);
    }
}
