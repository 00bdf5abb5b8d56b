using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace GridActors.LoadTest;

/// <summary>One city dashboard during a drill: when each message came, and what its tiles counted.</summary>
public sealed class DashboardWatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<(TimeSpan At, string Kind, int Reported)> _received = new();
    private LiveConnection? _connection;

    public static async Task<DashboardWatcher> OpenAsync(Uri baseUrl, string token, Stopwatch clock, CancellationToken cancellationToken)
    {
        var watcher = new DashboardWatcher();
        watcher._connection = await LiveConnection.OpenAsync(baseUrl, token, "city", clock, watcher.Receive, cancellationToken);
        return watcher;
    }

    /// <summary>True when this dashboard watches the drill view (see <see cref="LiveConnection"/>).</summary>
    public bool DrillView => _connection?.DrillView ?? false;

    /// <summary>The tiles' latest count of today's reports, or -1 before the snapshot.</summary>
    public int Reported => _received.LastOrDefault(m => m.Reported >= 0) is { Reported: >= 0 } latest ? latest.Reported : -1;

    /// <summary>When the tiles first counted <paramref name="reported"/> reports today, if they did.</summary>
    public TimeSpan? FirstShowing(int reported) =>
        _received.Where(m => m.Reported >= reported).Select(m => (TimeSpan?)m.At).FirstOrDefault();

    public int MessagesBetween(TimeSpan from, TimeSpan to) => _received.Count(m => m.Kind != "snapshot" && m.At >= from && m.At <= to);

    public int BusiestSecond()
    {
        var times = _received.Where(m => m.Kind != "snapshot").Select(m => m.At).Order().ToArray();
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
    /// For the k-th acknowledged report, how long after its 201 the tiles first counted k of the drill's
    /// reports: how far the tiles' count trails the count of 201s, not any one report's own delay (the markers
    /// measure that). Negative when the tiles counted it before its 201 reached the drill.
    /// </summary>
    public IEnumerable<double> CountLag(int baseline, TimeSpan[] acknowledged)
    {
        var tiles = _received.Where(m => m.Reported >= 0).OrderBy(m => m.At).ToArray();
        var next = 0;
        for (var k = 1; k <= acknowledged.Length; k++)
        {
            while (next < tiles.Length && tiles[next].Reported - baseline < k)
            {
                next++;
            }
            if (next == tiles.Length)
            {
                yield break;
            }
            yield return (tiles[next].At - acknowledged[k - 1]).TotalMilliseconds;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Receive(string kind, JsonElement body, TimeSpan at) =>
        _received.Enqueue((at, kind, kind is "snapshot" or "kpi" ? body.GetProperty("kpi").GetProperty("reportedToday").GetInt32() : -1));
}
