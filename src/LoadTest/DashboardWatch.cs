using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest;

/// <summary>
/// <c>--dashboards D</c>: D dashboards subscribed to the city on <c>/hubs/live</c> while the drill reports, and
/// one more on a marker grid. It measures what a command centre would feel under the peak: messages a second
/// per dashboard, how long after its 201 a case shows on a screen, how far the tiles trail the 201s, and how
/// soon after the last report the tiles show the county's own count.
/// </summary>
public sealed class DashboardWatch : IAsyncDisposable
{
    /// <summary>The grid the markers go to: the drill reports into every grid, so this one carries its share too.</summary>
    public const string MarkerGrid = "fenglu-01-01";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Stopwatch _clock;
    private readonly HttpClient _http;
    private readonly string _markerGrid;
    private readonly List<DashboardWatcher> _watchers;
    private readonly DashboardMarkers _markers;
    private readonly ConcurrentQueue<TimeSpan> _acknowledged = new();
    private readonly string _drillId;
    private int _baseline;
    private int _offset;
    private TimeSpan _started;

    private DashboardWatch(Stopwatch clock, HttpClient http, string markerGrid, List<DashboardWatcher> watchers, DashboardMarkers markers, string drillId) =>
        (_clock, _http, _markerGrid, _watchers, _markers, _drillId) = (clock, http, markerGrid, watchers, markers, drillId);

    /// <summary>
    /// The drill view counts the cases of every drill, the statistics of one: the tiles then start where they stand,
    /// and the drill's own count is added to that.
    /// </summary>
    private bool DrillView => _watchers.Count > 0 && _watchers.All(w => w.DrillView);

    /// <summary>Connects the dashboards with the city token of the drill's own client; marker delays go into <paramref name="push"/>.</summary>
    public static async Task<DashboardWatch> OpenAsync(
        HttpClient http, string markerGrid, int dashboards, LatencyMeter push, string drillId, CancellationToken cancellationToken)
    {
        // One clock for the drill's acknowledgements and every dashboard's messages.
        var clock = Stopwatch.StartNew();
        var token = http.DefaultRequestHeaders.Authorization!.Parameter!;
        var watchers = await Task.WhenAll(Enumerable.Range(0, dashboards)
            .Select(_ => DashboardWatcher.OpenAsync(http.BaseAddress!, token, clock, cancellationToken)));
        var markers = await DashboardMarkers.OpenAsync(http.BaseAddress!, token, markerGrid, clock, push, drillId, cancellationToken);
        return new DashboardWatch(clock, http, markerGrid, [.. watchers], markers, drillId);
    }

    /// <summary>The reports begin: the tiles' count now is the baseline, and the markers start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _baseline = await CountyReportedToday(cancellationToken);
        if (DrillView)
        {
            var deadline = _clock.Elapsed + Patience;
            while (_clock.Elapsed < deadline && _watchers.Any(w => w.Reported < 0))
            {
                await Task.Delay(50, cancellationToken);
            }
            _offset = _watchers.Min(w => w.Reported) - _baseline;
            _baseline += _offset;
        }
        _started = _clock.Elapsed;
        _markers.Start(_http, _markerGrid, _clock);
    }

    /// <summary>A report of the drill got its 201 now.</summary>
    public void Acknowledged() => _acknowledged.Enqueue(_clock.Elapsed);

    /// <summary>The reports are done: stops the markers, waits for the tiles to show the county's count, and sums up.</summary>
    public async Task<DashboardResult> FinishAsync(CancellationToken cancellationToken)
    {
        var ended = _clock.Elapsed;
        await _markers.StopAsync();
        var county = await CountyReportedToday(cancellationToken) + _offset;
        var deadline = _clock.Elapsed + Patience;
        while (_clock.Elapsed < deadline && _watchers.Any(w => w.Reported < county))
        {
            await Task.Delay(50, cancellationToken);
        }
        var acknowledged = _acknowledged.Order().ToArray();
        var settled = _watchers.Select(w => w.FirstShowing(county)).ToList();
        return new DashboardResult(
            _watchers.Count,
            (ended - _started).TotalSeconds,
            MessagesPerSecond: _watchers.Average(w => w.MessagesBetween(_started, ended)) / Math.Max(0.001, (ended - _started).TotalSeconds),
            BusiestSecond: _watchers.Max(w => w.BusiestSecond()),
            Markers: _markers.Sent,
            MarkersShown: _markers.Shown,
            CountLagP50Ms: Quantile([.. _watchers.SelectMany(w => w.CountLag(_baseline, acknowledged)).Order()], 0.50),
            LastStateAfterMs: settled.All(s => s is not null) ? settled.Max(s => (s!.Value - ended).TotalMilliseconds) : null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            await watcher.DisposeAsync();
        }
        await _markers.DisposeAsync();
    }

    /// <summary>Today's reports as the statistics count them (the drill's own in the drill view): what the tiles must reach.</summary>
    private async Task<int> CountyReportedToday(CancellationToken cancellationToken)
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>(
            DrillView ? $"/api/stats?period=day&drill={_drillId}" : "/api/stats?period=day", cancellationToken);
        return stats.GetProperty("indicators").GetProperty("reported").GetInt32();
    }

    private static double Quantile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
