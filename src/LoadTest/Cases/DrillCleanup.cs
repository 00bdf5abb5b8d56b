using System.Net;
using System.Text.Json;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// <c>--cleanup true</c>: asks the Api to erase the drill's cases. An Api from before drills were marked has no
/// such route and answers 404: that is "not supported here", not a failure of the drill.
/// </summary>
public static class DrillCleanup
{
    public static async Task<CleanupOutcome> EraseAsync(HttpClient http, string drillId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.DeleteAsync($"/api/drills/{drillId}", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => new CleanupOutcome(false, $"erased {Erased(body)} cases of {drillId}"),
                HttpStatusCode.NoContent => new CleanupOutcome(false, $"erased the cases of {drillId}"),
                HttpStatusCode.NotFound => new CleanupOutcome(false, "not supported by this Api (404 for DELETE /api/drills/{id}); the cases stay"),
                _ => new CleanupOutcome(true, $"failed: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}"),
            };
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CleanupOutcome(true, $"failed: {failure.Message}");
        }
    }

    private static string Erased(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("cases", out var cases) ? cases.ToString() : "the";
        }
        catch (JsonException)
        {
            return "the";
        }
    }
}
