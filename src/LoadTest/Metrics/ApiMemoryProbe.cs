using System.Globalization;
using System.Net;

namespace GridActors.LoadTest.Metrics;

/// <summary>
/// The Api's whole-process resident memory during a drill. From <c>/proc/&lt;pid&gt;/status</c> when the Api runs on
/// this machine (<c>--api-pid</c>, or the process listening on the URL's port), which also gives the kernel's own
/// peak; otherwise from a process-memory gauge on <c>/metrics</c> if the Api exports one, the peak then being
/// the highest sample. Neither: the figures are unknown (n/a), never zero.
/// </summary>
public sealed class ApiMemoryProbe
{
    /// <summary>Gauges of a process's resident memory as the usual exporters name them, in bytes.</summary>
    private static readonly string[] Gauges =
        ["process_working_set_bytes", "process_memory_usage_bytes", "dotnet_process_memory_working_set_bytes", "process_resident_memory_bytes"];

    private readonly HttpClient _http;
    private readonly int? _pid;
    private readonly string? _gauge;
    private double? _peakMb;

    private ApiMemoryProbe(HttpClient http, int? pid, string? gauge, string source) => (_http, _pid, _gauge, Source) = (http, pid, gauge, source);

    /// <summary>Where the figures come from: <c>/proc/&lt;pid&gt;</c>, a <c>/metrics</c> gauge, or <c>n/a</c>.</summary>
    public string Source { get; }

    public double? PeakMb => _peakMb;

    public static async Task<ApiMemoryProbe> CreateAsync(HttpClient http, Uri baseUrl, int? apiPid, CancellationToken cancellationToken)
    {
        var pid = apiPid ?? (baseUrl.IsLoopback ? ListeningProcess.Find(baseUrl.Port) : null);
        if (pid is { } known && ProcStatus.Megabytes(known, ProcStatus.Resident) is not null)
        {
            return new ApiMemoryProbe(http, known, null, $"/proc/{known}/status");
        }
        var metrics = await MetricsText(http, cancellationToken);
        var gauge = Gauges.FirstOrDefault(g => metrics is not null && Read(metrics, g) is not null);
        return new ApiMemoryProbe(http, null, gauge, gauge is null ? "n/a" : $"/metrics {gauge}");
    }

    /// <summary>Resident memory now, in megabytes, keeping the peak up to date; null when unknown.</summary>
    public async Task<double?> SampleAsync(CancellationToken cancellationToken)
    {
        double? now = null;
        if (_pid is { } pid)
        {
            now = ProcStatus.Megabytes(pid, ProcStatus.Resident);
            Raise(ProcStatus.Megabytes(pid, ProcStatus.PeakResident));
        }
        else if (_gauge is not null && await MetricsText(_http, cancellationToken) is { } metrics)
        {
            now = Read(metrics, _gauge) / (1024.0 * 1024.0);
        }
        Raise(now);
        return now;
    }

    /// <summary>The sum of a gauge's series in Prometheus text, null when it has none.</summary>
    public static double? Read(string metrics, string gauge)
    {
        var values = metrics.Split('\n')
            .Where(line => line.StartsWith(gauge, StringComparison.Ordinal) && line.Length > gauge.Length && line[gauge.Length] is ' ' or '{')
            .Select(line => double.TryParse(SampleValue(line, gauge), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
            .Where(v => v is not null)
            .ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    /// <summary>The value of <c>name{labels} value [timestamp]</c>: the first word after the name and labels.</summary>
    private static string SampleValue(string line, string gauge)
    {
        var labelsEnd = line[gauge.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) + 1 : gauge.Length;
        return line[labelsEnd..].Trim().Split(' ')[0];
    }

    private void Raise(double? megabytes)
    {
        if (megabytes is { } mb && (_peakMb is null || mb > _peakMb))
        {
            _peakMb = mb;
        }
    }

    private static async Task<string?> MetricsText(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/metrics", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
