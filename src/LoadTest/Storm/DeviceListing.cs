using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The county's devices from <c>GET /api/devices</c>, every page, as the city sees them; the storm takes the first
/// of them in id order, so that the same command line alarms the same devices on every run.
/// </summary>
public static class DeviceListing
{
    public const int PageSize = 1000;

    public static async Task<IReadOnlyList<string>> FirstAsync(HttpClient city, int wanted, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"/api/devices?page={page}&pageSize={PageSize}");
            var listing = await city.GetFromJsonAsync<JsonElement>(url, cancellationToken);
            var items = listing.GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
            // Paged by the Api's order, which need not be the ids', so every page is read before choosing.
            if (items.GetArrayLength() == 0 || ids.Count >= listing.GetProperty("total").GetInt32())
            {
                break;
            }
        }
        return [.. ids.Distinct().Order(StringComparer.Ordinal).Take(wanted)];
    }
}
