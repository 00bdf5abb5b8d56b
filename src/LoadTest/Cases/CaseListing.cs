using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// Reads every case of a time window from <c>GET /api/events</c>, 200 to a page. The window is cut into slices
/// small enough to fit one page each (halved again when one does not), because the listing pages from the newest
/// case and an in-memory read model sorts all matching cases for each page: one slice a page costs a scan, deep
/// paging of a 400,000-case drill would cost a sort each time. <c>drill=</c> narrows the listing to the drill where
/// the Api knows drills, and is ignored where it does not.
/// </summary>
public sealed class CaseListing(HttpClient http, string drillId)
{
    public const int PageSize = 200;
    private const int Parallel = 4;
    private static readonly TimeSpan Narrowest = TimeSpan.FromMilliseconds(2);

    /// <summary>How many cases the window holds now.</summary>
    public async Task<int> CountAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await PageAsync(from, to, 1, 1, cancellationToken)).Total;

    public async Task<IReadOnlyList<ListedCase>> ListAsync(DateTimeOffset from, DateTimeOffset to, int expected, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ListedCase>(StringComparer.Ordinal);
        var slices = Split(from, to, Math.Max(1, (int)Math.Ceiling(expected / (PageSize * 0.75)))).ToList();
        while (slices.Count > 0)
        {
            var round = slices.Take(Parallel).ToList();
            slices.RemoveRange(0, round.Count);
            foreach (var (slice, page) in round.Zip(await Task.WhenAll(round.Select(s => PageAsync(s.From, s.To, 1, PageSize, cancellationToken)))))
            {
                if (page.Total <= PageSize)
                {
                    page.Items.ForEach(c => found[c.Id] = c);
                }
                else if (slice.To - slice.From > Narrowest)
                {
                    slices.AddRange(Split(slice.From, slice.To, 2));
                }
                else
                {
                    await PageThrough(slice.From, slice.To, page, found, cancellationToken);
                }
            }
        }
        return [.. found.Values];
    }

    private async Task PageThrough(DateTimeOffset from, DateTimeOffset to, Page first, Dictionary<string, ListedCase> found, CancellationToken cancellationToken)
    {
        first.Items.ForEach(c => found[c.Id] = c);
        for (var page = 2; (page - 1) * PageSize < first.Total; page++)
        {
            (await PageAsync(from, to, page, PageSize, cancellationToken)).Items.ForEach(c => found[c.Id] = c);
        }
    }

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Split(DateTimeOffset from, DateTimeOffset to, int parts)
    {
        var width = (to - from).Ticks / parts;
        for (var i = 0; i < parts; i++)
        {
            yield return (from.AddTicks(width * i), i == parts - 1 ? to : from.AddTicks(width * (i + 1)));
        }
    }

    private async Task<Page> PageAsync(DateTimeOffset from, DateTimeOffset to, int page, int pageSize, CancellationToken cancellationToken)
    {
        static string At(DateTimeOffset time) => Uri.EscapeDataString(time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        var body = await http.GetFromJsonAsync<JsonElement>(
            $"/api/events?drill={drillId}&from={At(from)}&to={At(to)}&page={page}&pageSize={pageSize}", cancellationToken);
        var items = body.GetProperty("items").EnumerateArray().Select(i => new ListedCase(
            i.GetProperty("id").GetString()!, i.GetProperty("title").GetString()!, i.GetProperty("status").GetString()!,
            i.TryGetProperty("drill", out var drill) && drill.ValueKind == JsonValueKind.String ? drill.GetString() : null)).ToList();
        return new Page(items, body.GetProperty("total").GetInt32());
    }

    private sealed record Page(List<ListedCase> Items, int Total);
}
