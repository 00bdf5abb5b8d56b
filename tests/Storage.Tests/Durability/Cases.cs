using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.Storage.Tests.Durability;

/// <summary>The event and points calls of the process-kill test, over HTTP as a client makes them.</summary>
public static class Cases
{
    /// <summary>Files a hazard report; the id when the Api acknowledged it with 201, else null.</summary>
    public static async Task<string?> ReportAsync(this HttpClient client, string gridId, string priority = "normal")
    {
        var response = await client.PostAsJsonAsync("/api/events", new { gridId, category = "hazard", title = "Blocked drain", priority });
        return response.StatusCode == HttpStatusCode.Created ? (await Json(response)).GetProperty("id").GetString() : null;
    }

    /// <summary>
    /// Files a hazard report as a patient client does while the cluster heals: a 503 is retried with the same
    /// Idempotency-Key until <paramref name="within"/> has passed; any other answer than 201 fails the test.
    /// </summary>
    public static async Task<string> ReportPatientlyAsync(this HttpClient client, string gridId, TimeSpan within)
    {
        var key = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
            {
                Content = JsonContent.Create(new { gridId, category = "hazard", title = "Blocked drain", priority = "normal" }),
                Headers = { { "Idempotency-Key", key } },
            };
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await Json(response)).GetProperty("id").GetString()!;
            }
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                throw new HttpRequestException($"report on {gridId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>One step of the loop; the status the Api acknowledged it with.</summary>
    public static async Task<string> ActAsync(this HttpClient client, string id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/events/{id}/{action}", body ?? new { });
        response.EnsureSuccessStatusCode();
        return (await Json(response)).GetProperty("status").GetString()!;
    }

    public static Task<JsonElement> GetCaseAsync(this HttpClient client, string id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");

    /// <summary>Every case of the grid in the read model, page after page, by id with its status there.</summary>
    public static async Task<Dictionary<string, string>> ListAsync(this HttpClient client, string gridId)
    {
        const int pageSize = 200;
        var listed = new Dictionary<string, string>();
        for (var page = 1; ; page++)
        {
            var items = (await client.GetFromJsonAsync<JsonElement>($"/api/events?grid={gridId}&page={page}&pageSize={pageSize}"))
                .GetProperty("items").EnumerateArray().ToList();
            foreach (var item in items)
            {
                listed[item.GetProperty("id").GetString()!] = item.GetProperty("status").GetString()!;
            }
            if (items.Count < pageSize)
            {
                return listed;
            }
        }
    }

    public static async Task<int> BalanceAsync(this HttpClient client, string participantId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/points/{participantId}")).GetProperty("balance").GetInt32();

    private static Task<JsonElement> Json(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
