namespace GridActors.LoadTest;

/// <summary>
/// Reads the county back through the Api as a dashboard or an operator console would: grids and workers,
/// picked at random, from many concurrent loops. Every answer must be 200; anything else counts as an error.
/// </summary>
public sealed class ReadDrill(HttpClient http, DrillOptions options)
{
    public async Task<DrillResult> RunAsync(CancellationToken cancellationToken)
    {
        var county = await County.LoadAsync(http, cancellationToken);
        var reads = await new PhaseRunner("reads", options.Concurrency).RunAsync(options.Requests, async (index, timed) =>
        {
            var random = new Random(index);
            var path = random.Next(2) == 0
                ? $"/api/grids/{county.GridIds[random.Next(county.GridIds.Count)]}"
                : $"/api/workers/{county.WorkerIds[random.Next(county.WorkerIds.Count)]}";
            using var response = await timed.Send(() => http.GetAsync(path, cancellationToken));
            return response.IsSuccessStatusCode;
        }, cancellationToken);
        return new DrillResult("reads", options, [reads]);
    }
}
