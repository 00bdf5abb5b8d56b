using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridActors.LoadTest;

/// <summary>
/// <c>--dashboards D</c>: D dashboards subscribed to the city on <c>/hubs/live</c> while the drill runs. It
/// measures what a command centre would feel: how many messages a dashboard gets a second under the peak, how
/// long after its 201 a report shows in the tiles, and whether the last state arrives once the peak is over.
/// </summary>
public sealed class DashboardWatch : IAsyncDisposable
{
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<TimeSpan> _acknowledged = new();
    private readonly List<Watcher> _watchers;

    private DashboardWatch(Stopwatch clock, List<Watcher> watchers) => (_clock, _watchers) = (clock, watchers);

    public static async Task<DashboardWatch> OpenAsync(Uri baseUrl, string token, int dashboards, CancellationToken cancellationToken)
    {
        // One clock for the drill's acknowledgements and every dashboard's messages.
        var clock = Stopwatch.StartNew();
        var watchers = await Task.WhenAll(Enumerable.Range(0, dashboards).Select(_ => Watcher.OpenAsync(baseUrl, token, clock, cancellationToken)));
        return new DashboardWatch(clock, [.. watchers]);
    }

    /// <summary>A report of the drill got its 201 now.</summary>
    public void Acknowledged() => _acknowledged.Enqueue(_clock.Elapsed);

    /// <summary>Waits for every dashboard to show every acknowledged report, up to <paramref name="patience"/>, and sums up.</summary>
    public async Task<DashboardResult> SettleAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var acknowledged = _acknowledged.Order().ToArray();
        var deadline = _clock.Elapsed + patience;
        while (_clock.Elapsed < deadline && _watchers.Any(w => w.Shown < acknowledged.Length))
        {
            await Task.Delay(50, cancellationToken);
        }
        var first = acknowledged.FirstOrDefault();
        var last = acknowledged.LastOrDefault();
        var visibility = _watchers.SelectMany(w => w.VisibilityDelays(acknowledged)).Order().ToArray();
        return new DashboardResult(
            _watchers.Count,
            Messages: _watchers.Sum(w => w.Messages(first, last)),
            PeakSeconds: (last - first).TotalSeconds,
            BusiestSecond: _watchers.Max(w => w.BusiestSecond()),
            VisibleP50Ms: Quantile(visibility, 0.50),
            VisibleP99Ms: Quantile(visibility, 0.99),
            VisibleMaxMs: visibility.Length == 0 ? 0 : visibility[^1],
            LastStateArrived: _watchers.All(w => w.Shown == acknowledged.Length));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    private static double Quantile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    /// <summary>One dashboard: its connection and when each message came, with the reports its tiles counted.</summary>
    private sealed class Watcher : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<(TimeSpan At, string Kind, int Reported)> _received = new();
        private int _baseline = -1;

        private Watcher(HubConnection connection, Stopwatch clock)
        {
            _connection = connection;
            _connection.On<JsonElement>("snapshot", body => _baseline = Reported(body));
            foreach (var kind in new[] { "kpi", "grid", "event", "mode", "boards" })
            {
                _connection.On<JsonElement>(kind, body => _received.Enqueue((clock.Elapsed, kind, kind == "kpi" ? Reported(body) : -1)));
            }
        }

        /// <summary>How many of the drill's reports the latest tiles show.</summary>
        public int Shown => _received.LastOrDefault(m => m.Kind == "kpi") is { Reported: >= 0 } latest ? latest.Reported - _baseline : 0;

        public static async Task<Watcher> OpenAsync(Uri baseUrl, string token, Stopwatch clock, CancellationToken cancellationToken)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/live"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            var watcher = new Watcher(connection, clock);
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<string>("Subscribe", "city", cancellationToken);
            while (watcher._baseline < 0)
            {
                await Task.Delay(10, cancellationToken);
            }
            return watcher;
        }

        public int Messages(TimeSpan from, TimeSpan to) => _received.Count(m => m.At >= from && m.At <= to + TimeSpan.FromSeconds(1));

        public int BusiestSecond()
        {
            var times = _received.Select(m => m.At).Order().ToArray();
            var busiest = 0;
            for (int start = 0, end = 0; end < times.Length; end++)
            {
                while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
                {
                    start++;
                }
                busiest = Math.Max(busiest, end - start + 1);
            }
            return busiest;
        }

        /// <summary>
        /// For the k-th acknowledged report, the time from its 201 to the first tiles counting k of the drill's
        /// reports; zero when the tiles counted it before its 201 reached the drill.
        /// </summary>
        public IEnumerable<double> VisibilityDelays(TimeSpan[] acknowledged)
        {
            var tiles = _received.Where(m => m.Kind == "kpi").OrderBy(m => m.At).ToArray();
            var next = 0;
            for (var k = 1; k <= acknowledged.Length; k++)
            {
                while (next < tiles.Length && tiles[next].Reported - _baseline < k)
                {
                    next++;
                }
                if (next == tiles.Length)
                {
                    yield break;
                }
                yield return Math.Max(0, (tiles[next].At - acknowledged[k - 1]).TotalMilliseconds);
            }
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }

    private static int Reported(JsonElement body) => body.GetProperty("kpi").GetProperty("reportedToday").GetInt32();
}

/// <summary>What the dashboards saw of a drill; rates are per dashboard.</summary>
public sealed record DashboardResult(
    int Dashboards,
    int Messages,
    double PeakSeconds,
    int BusiestSecond,
    double VisibleP50Ms,
    double VisibleP99Ms,
    double VisibleMaxMs,
    bool LastStateArrived)
{
    public double MessagesPerSecond => PeakSeconds <= 0 ? 0 : Messages / (double)Dashboards / PeakSeconds;
}
