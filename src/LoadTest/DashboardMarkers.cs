using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest;

/// <summary>
/// Marker reports, a few a second into one grid while the drill runs, watched by a dashboard subscribed to
/// that grid: the time from each marker's 201 to the <c>event</c> line that carries its id is what a case's own
/// way to a screen takes under the peak. A grid's feed is small enough that every marker shows by name.
/// </summary>
public sealed class DashboardMarkers : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, TimeSpan> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _shown = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private LiveConnection? _connection;
    private Task _reporting = Task.CompletedTask;

    public static async Task<DashboardMarkers> OpenAsync(Uri baseUrl, string token, string gridId, Stopwatch clock, CancellationToken cancellationToken)
    {
        var markers = new DashboardMarkers();
        markers._connection = await LiveConnection.OpenAsync(baseUrl, token, gridId, clock, markers.Receive, cancellationToken);
        return markers;
    }

    public void Start(HttpClient http, string gridId, Stopwatch clock) => _reporting = Report(http, gridId, clock, _stop.Token);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _reporting;
    }

    /// <summary>Each marker's delay from its 201 to its line on the dashboard, in ms; null for a marker never shown.</summary>
    public IReadOnlyList<double?> Delays() =>
        [.. _acknowledged.Select(a => _shown.TryGetValue(a.Key, out var shown) ? (double?)(shown - a.Value).TotalMilliseconds : null)];

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
                using var response = await http.PostAsJsonAsync("/api/events", new { gridId, category = "hazard", title = $"marker {run} {i}" }, stopping);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(stopping);
                    _acknowledged[body.GetProperty("id").GetString()!] = clock.Elapsed;
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
            _shown.TryAdd(line.GetProperty("id").GetString()!, at);
        }
    }
}
