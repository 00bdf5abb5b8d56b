using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest;

/// <summary>
/// Reads the county back through the Api as a dashboard or an operator console would: grids and workers,
/// picked at random, from many concurrent loops. Every answer must be 200; anything else counts as an error.
/// </summary>
public sealed class ReadDrill(HttpClient http, DrillOptions options)
{
    public async Task<DrillResult> RunAsync(CancellationToken cancellationToken)
    {
        var (gridIds, workerIds) = await LoadCountyAsync(cancellationToken);
        var recorder = new LatencyRecorder(options.Concurrency);
        var remaining = options.Requests;
        var errors = 0;
        var clock = Stopwatch.StartNew();

        using var progress = new Timer(_ => Console.WriteLine(
            $"  {recorder.Count,8:N0} requests  {recorder.Count / clock.Elapsed.TotalSeconds,8:N0}/s  errors {errors}"),
            null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(loop => Task.Run(async () =>
        {
            var random = new Random(loop);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var path = random.Next(2) == 0
                    ? $"/api/grids/{gridIds[random.Next(gridIds.Count)]}"
                    : $"/api/workers/{workerIds[random.Next(workerIds.Count)]}";
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, cancellationToken);
                recorder.Record(loop, started);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));

        clock.Stop();
        return new DrillResult("reads", options, recorder.Summarize(), errors, clock.Elapsed);
    }

    private async Task<(List<string> Grids, List<string> Workers)> LoadCountyAsync(CancellationToken cancellationToken)
    {
        var topology = await http.GetFromJsonAsync<JsonElement>("/api/topology", cancellationToken);
        var grids = topology.GetProperty("townships").EnumerateArray()
            .SelectMany(t => t.GetProperty("villages").EnumerateArray())
            .SelectMany(v => v.GetProperty("grids").EnumerateArray())
            .ToList();
        return (
            [.. grids.Select(g => g.GetProperty("id").GetString()!)],
            [.. grids.SelectMany(g => g.GetProperty("workerIds").EnumerateArray()).Select(w => w.GetString()!)]);
    }
}
