using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>The calls the drill tests make: reports marked with a drill, keyed reports, a case taken to its close.</summary>
public static class DrillCalls
{
    public static object Report(string gridId, string drill, string title = "Drill case") =>
        new { gridId, category = "hazard", title, drill };

    /// <summary>A drill id no other test uses.</summary>
    public static string NewDrill(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>Reports a drill case and returns it.</summary>
    public static async Task<JsonElement> ReportDrillAsync(this HttpClient client, string gridId, string drill)
    {
        var response = await client.PostAsJsonAsync("/api/events", Report(gridId, drill));
        response.EnsureSuccessStatusCode();
        return await response.Json();
    }

    public static HttpRequestMessage Keyed(object report, string idempotencyKey) =>
        new(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(report), Headers = { { "Idempotency-Key", idempotencyKey } } };

    /// <summary>Starts, resolves and verifies the case as the city, which may take every step.</summary>
    public static async Task Close(HttpClient city, string id)
    {
        foreach (var (action, body) in new (string, object?)[] { ("start", null), ("resolve", null), ("verify", new { passed = true }) })
        {
            (await city.ActAsync(id, action, body)).EnsureSuccessStatusCode();
        }
    }
}
