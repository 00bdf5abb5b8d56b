using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest;

/// <summary>
/// Marker reports, a few a second into one grid while the drill runs, watched by a dashboard subscribed to
/// that grid: the time from each marker's 201 to the <c>event</c> line that carries its id is what a case's own
/// way to a screen takes under the peak. A grid's feed is small enough that every marker shows by name. Each
/// delay goes into the push meter as soon as both ends are known, whichever arrives first; markers are drill
/// reports like the others, so they stay out of the county's figures where the Api knows drills.
/// </summary>
public sealed class DashboardMarkers : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, TimeSpan> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _shown = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _measured = new(StringComparer.Ordinal);
    private readonly LatencyMeter _push;
    private readonly string _drillId;
    private readonly CancellationTokenSource _stop = new();
    private LiveConnection? _connection;
    private Task _reporting = Task.CompletedTask;

    private DashboardMarkers(LatencyMeter push, string drillId) => (_push, _drillId) = (push, drillId);

    public static async Task<DashboardMarkers> OpenAsync(
        Uri baseUrl, string token, string gridId, Stopwatch clock, LatencyMeter push, string drillId, CancellationToken cancellationToken)
    {
        var markers = new DashboardMarkers(push, drillId);
        markers._connection = await LiveConnection.OpenAsync(baseUrl, token, gridId, clock, markers.Receive, cancellationToken);
        return markers;
    }

    public void Start(HttpClient http, string gridId, Stopwatch clock) => _reporting = Report(http, gridId, clock, _stop.Token);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _reporting;
    }

    /// <summary>Markers acknowledged so far.</summary>
    public int Sent => _acknowledged.Count;

    /// <summary>Markers acknowledged and seen on the dashboard: each one delay in the push meter.</summary>
    public int Shown => _measured.Count;

    public async ValueTask DisposeAsync()
    {
        _stop.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task Report(HttpClient http, string gridId, Stopwatch clock, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every);
        var run = Guid.NewGuid().ToString("N")[..8];
        try
        {
            for (var i = 0; await timer.WaitForNextTickAsync(stopping); i++)
            {
                using var response = await http.PostAsJsonAsync(
                    "/api/events", new { gridId, category = "hazard", title = $"marker {run} {i}", drill = _drillId }, stopping);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(stopping);
                    var id = body.GetProperty("id").GetString()!;
                    _acknowledged[id] = clock.Elapsed;
                    Measure(id);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Receive(string kind, JsonElement body, TimeSpan at)
    {
        if (kind != "event")
        {
            return;
        }
        foreach (var line in body.GetProperty("cases").EnumerateArray())
        {
            var id = line.GetProperty("id").GetString()!;
            if (_shown.TryAdd(id, at))
            {
                Measure(id);
            }
        }
    }

    /// <summary>Once both the 201 and the line are in; a line that beat its 201 to the drill counts as no delay.</summary>
    private void Measure(string id)
    {
        if (_acknowledged.TryGetValue(id, out var acknowledged) && _shown.TryGetValue(id, out var shown) && _measured.TryAdd(id, true))
        {
            _push.Record(shown > acknowledged ? shown - acknowledged : TimeSpan.Zero);
        }
    }
}
