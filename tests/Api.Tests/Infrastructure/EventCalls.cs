using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>The event calls the API tests make again and again.</summary>
public static class EventCalls
{
    public static object Report(string gridId, string category = "hazard", string title = "Blocked drain", object? person = null) =>
        new { gridId, category, title, person };

    public static async Task<JsonElement> ReportAsync(this HttpClient client, string gridId, string category = "hazard")
    {
        var response = await client.PostAsJsonAsync("/api/events", Report(gridId, category));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string id, string action, object? body = null) =>
        body is null
            ? client.PostAsync($"/api/events/{id}/{action}", null)
            : client.PostAsJsonAsync($"/api/events/{id}/{action}", body);

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
