using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest;

/// <summary>
/// A peak replayed: N reports from random grids and categories, each with its own idempotency key, then every
/// case carried through the loop — dispatched to a worker when nobody took it, started, resolved and verified,
/// one case in twenty failing verification once and being reworked. Every answer must be the one the contract
/// promises; anything else counts as an error.
/// </summary>
public sealed class EventDrill(HttpClient http, DrillOptions options, DashboardWatch? dashboards = null)
{
    private const int ReworkEvery = 20;

    public async Task<DrillResult> RunAsync(CancellationToken cancellationToken)
    {
        var county = await County.LoadAsync(http, cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..8];
        var events = options.Events!.Value;
        var cases = new ConcurrentDictionary<int, Case>();

        if (dashboards is not null)
        {
            await dashboards.StartAsync(cancellationToken);
        }
        var reports = await new PhaseRunner("reports", options.Concurrency).RunAsync(events, async (index, timed) =>
        {
            var random = new Random(index);
            var grid = random.Next(county.GridIds.Count);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
            {
                Content = JsonContent.Create(new
                {
                    gridId = county.GridIds[grid],
                    category = county.CategoryIds[random.Next(county.CategoryIds.Count)],
                    title = $"drill {run} case {index}",
                }),
                Headers = { { "Idempotency-Key", $"drill-{run}-{index}" } },
            };
            using var response = await timed.Send(() => http.SendAsync(request, cancellationToken));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }
            dashboards?.Acknowledged();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            cases[index] = new Case(body.GetProperty("id").GetString()!, body.GetProperty("status").GetString()!, county.GridWorkers[grid]);
            return true;
        }, cancellationToken);
        var seen = dashboards is null ? null : await dashboards.FinishAsync(cancellationToken);
        if (!options.Loop)
        {
            return new DrillResult("events", options, [reports]) { Dashboards = seen };
        }

        var loop = await new PhaseRunner("loop", options.Concurrency).RunAsync(events, async (index, timed) =>
            cases.TryGetValue(index, out var @case) && await CarryThroughTheLoop(@case, index % ReworkEvery == 0, timed, cancellationToken),
            cancellationToken);
        return new DrillResult("events", options, [reports, loop]) { Dashboards = seen };
    }

    private async Task<bool> CarryThroughTheLoop(Case @case, bool rework, Timed timed, CancellationToken cancellationToken)
    {
        var steps = new List<(string Action, object? Body)>();
        if (@case.Status is "reported")
        {
            // Dispatch:Auto=false: the command centre accepts every report itself.
            steps.Add(("accept", null));
        }
        if (@case.Status is not "dispatched")
        {
            steps.Add(("dispatch", new { workerId = @case.GridWorker }));
        }
        steps.AddRange([("start", null), ("resolve", null)]);
        if (rework)
        {
            steps.AddRange([("verify", new { passed = false }), ("start", null), ("resolve", null)]);
        }
        steps.Add(("verify", new { passed = true }));

        foreach (var (action, body) in steps)
        {
            using var response = await timed.Send(() => http.PostAsJsonAsync($"/api/events/{@case.Id}/{action}", body, cancellationToken));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }
        return true;
    }

    private sealed record Case(string Id, string Status, string GridWorker);
}
