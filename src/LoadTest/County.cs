using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest;

/// <summary>
/// What a drill needs to know of the county, read from <c>GET /api/topology</c>. <c>GridWorkers[i]</c> is a
/// worker of <c>GridIds[i]</c>, for dispatching a case nobody took.
/// </summary>
public sealed record County(
    IReadOnlyList<string> GridIds, IReadOnlyList<string> GridWorkers, IReadOnlyList<string> WorkerIds, IReadOnlyList<string> CategoryIds)
{
    public static async Task<County> LoadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var topology = await http.GetFromJsonAsync<JsonElement>("/api/topology", cancellationToken);
        var grids = topology.GetProperty("townships").EnumerateArray()
            .SelectMany(t => t.GetProperty("villages").EnumerateArray())
            .SelectMany(v => v.GetProperty("grids").EnumerateArray())
            .ToList();
        return new County(
            [.. grids.Select(g => g.GetProperty("id").GetString()!)],
            [.. grids.Select(g => g.GetProperty("workerIds")[0].GetString()!)],
            [.. grids.SelectMany(g => g.GetProperty("workerIds").EnumerateArray()).Select(w => w.GetString()!)],
            [.. topology.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)]);
    }
}
