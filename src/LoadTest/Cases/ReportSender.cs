using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// Files the drill's reports, one by one or in batches, each under the idempotency key <c>&lt;drill&gt;-&lt;index&gt;</c>
/// and titled <c>&lt;drill&gt; case &lt;index&gt;</c> so that the census can tell every case of this drill and the report
/// it came from; keeps every acknowledged case for the loop and the census.
/// </summary>
public sealed class ReportSender(DrillRequests requests, County county, string drillId, DashboardWatch? dashboards)
{
    public ConcurrentDictionary<int, DrillCase> Acknowledged { get; } = new();

    /// <summary>What every title of this drill begins with; the report's index follows.</summary>
    public string TitlePrefix => $"{drillId} case ";

    public string TitleOf(int index) => $"{TitlePrefix}{index}";

    public async Task<DrillCase?> SendOne(int index, string? reporterKind, CancellationToken cancellationToken)
    {
        var (item, gridWorker) = Compose(index, reporterKind, requestId: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(item),
            Headers = { { "Idempotency-Key", Key(index) } },
        };
        using var response = await requests.SendAsync(request, requests.State.Meters.Ack, HttpStatusCode.Created, $"report {index}", cancellationToken);
        return response is null ? null : Keep(index, gridWorker, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    /// <summary>One batch of consecutive reports; each acknowledged item is timed as the batch's answer.</summary>
    public async Task<IReadOnlyList<DrillCase>> SendBatch(int firstIndex, int count, string reporterKind, CancellationToken cancellationToken)
    {
        var items = Enumerable.Range(firstIndex, count).Select(i => Compose(i, reporterKind, Key(i))).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/batch") { Content = JsonContent.Create(items.Select(i => i.Item)) };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await requests.SendAsync(request, requests.State.Meters.Action("batch"), HttpStatusCode.OK, $"batch {firstIndex}+{count}", cancellationToken);
        if (response is null)
        {
            return [];
        }
        var answers = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var kept = new List<DrillCase>();
        foreach (var (answer, offset) in answers.EnumerateArray().Select((a, i) => (a, i)))
        {
            if (answer.GetProperty("status").GetInt32() != (int)HttpStatusCode.Created)
            {
                requests.State.Failed($"batch item {firstIndex + offset}: {answer}");
                continue;
            }
            requests.State.Meters.Ack.RecordSince(started);
            kept.Add(Keep(firstIndex + offset, items[offset].GridWorker, answer.GetProperty("event")));
        }
        return kept;
    }

    private string Key(int index) => $"{drillId}-{index}";

    /// <summary>
    /// The report for <paramref name="index"/>: the same grid and category whenever it is composed. Without a
    /// reporter kind the report is the caller's own (the city's operator); a worker reports from the grid, a camera
    /// is one of the grid's, a hotline item comes from the county's line.
    /// </summary>
    private (ReportItem Item, string GridWorker) Compose(int index, string? reporterKind, string? requestId)
    {
        var random = new Random(index);
        var grid = random.Next(county.GridIds.Count);
        var category = county.CategoryIds[random.Next(county.CategoryIds.Count)];
        var (gridId, worker) = (county.GridIds[grid], county.GridWorkers[grid]);
        var reporter = reporterKind switch
        {
            null => null,
            "worker" => new ReporterRef(reporterKind, worker),
            "camera" => new ReporterRef(reporterKind, $"cam-{gridId}-{index % 4}"),
            _ => new ReporterRef(reporterKind, $"{reporterKind}-12345"),
        };
        return (new ReportItem(gridId, category, TitleOf(index), drillId, reporter, requestId), worker);
    }

    private DrillCase Keep(int index, string gridWorker, JsonElement view)
    {
        var @case = new DrillCase(index, view.GetProperty("id").GetString()!, view.GetProperty("status").GetString()!, gridWorker,
            view.GetProperty("reportedAt").GetDateTimeOffset());
        Acknowledged[index] = @case;
        requests.State.Acknowledged();
        dashboards?.Acknowledged();
        return @case;
    }
}
