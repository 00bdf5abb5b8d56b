using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// After the drill, counts its cases where the county would: every case listed within the drill's reporting times
/// whose title names this drill, grouped by the report it came from. More than one case for one report is a
/// duplicate; an acknowledged case the listing does not show closed is read from the Api itself before it counts
/// as lost, because the listing (a read model) may trail the case by a moment. Exact whether or not the Api
/// knows the drill field: the titles carry the drill and the report, and the window holds every report.
/// </summary>
/// <param name="http">A client signed in as the city.</param>
/// <param name="drillId">The drill's id, which every report carried.</param>
/// <param name="titlePrefix">What every title of the drill begins with; the report's index follows.</param>
/// <param name="settleWithin">How long the listing may take to hold every acknowledged case (a minute by default).</param>
/// <param name="pollEvery">How often the listing is counted meanwhile (a second by default).</param>
public sealed class DrillCensus(HttpClient http, string drillId, string titlePrefix, TimeSpan? settleWithin = null, TimeSpan? pollEvery = null)
{

    public async Task<CensusResult> TakeAsync(IReadOnlyCollection<DrillCase> acknowledged, bool expectClosed, CancellationToken cancellationToken)
    {
        if (acknowledged.Count == 0)
        {
            return CensusResult.Empty;
        }
        var listing = new CaseListing(http, drillId);
        var from = acknowledged.Min(c => c.ReportedAt).AddSeconds(-1);
        var to = acknowledged.Max(c => c.ReportedAt).AddSeconds(1);
        var total = await Settle(listing, from, to, acknowledged.Count, settleWithin ?? TimeSpan.FromMinutes(1), pollEvery ?? TimeSpan.FromSeconds(1), cancellationToken);
        var listed = (await listing.ListAsync(from, to, total, cancellationToken))
            .Where(c => c.Drill is null || c.Drill == drillId)
            .Select(c => (Case: c, Index: IndexOf(c.Title)))
            .Where(c => c.Index is not null)
            .ToList();

        var reports = listed.GroupBy(c => c.Index!.Value).ToList();
        var ackedIndexes = acknowledged.Select(c => c.Index).ToHashSet();
        var byId = listed.ToDictionary(c => c.Case.Id, c => c.Case, StringComparer.Ordinal);
        var doubtful = acknowledged
            .Where(c => !byId.TryGetValue(c.Id, out var row) || expectClosed && row.Status != "closed")
            .ToList();
        var (notFound, notClosed) = await ReadEach(doubtful, expectClosed, cancellationToken);
        return new CensusResult(
            listed.Count,
            Duplicates: reports.Sum(r => r.Count() - 1L),
            notFound,
            notClosed,
            Unacknowledged: reports.Count(r => !ackedIndexes.Contains(r.Key)),
            ApiMarksDrills: listed.Any(c => c.Case.Drill == drillId));
    }

    /// <summary>The read model follows the cases a moment behind: wait until it holds them all and stops moving.</summary>
    private static async Task<int> Settle(
        CaseListing listing, DateTimeOffset from, DateTimeOffset to, int acknowledged, TimeSpan within, TimeSpan every, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + within;
        var previous = -1;
        while (true)
        {
            var total = await listing.CountAsync(from, to, cancellationToken);
            if (total >= acknowledged && total == previous || DateTime.UtcNow > until)
            {
                return total;
            }
            previous = total;
            await Task.Delay(every, cancellationToken);
        }
    }

    private async Task<(long NotFound, long NotClosed)> ReadEach(IReadOnlyList<DrillCase> cases, bool expectClosed, CancellationToken cancellationToken)
    {
        long notFound = 0, notClosed = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (@case, token) =>
        {
            using var response = await http.GetAsync($"/api/events/{@case.Id}", token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref notFound);
                return;
            }
            response.EnsureSuccessStatusCode();
            var view = await response.Content.ReadFromJsonAsync<JsonElement>(token);
            if (expectClosed && view.GetProperty("status").GetString() != "closed")
            {
                Interlocked.Increment(ref notClosed);
            }
        });
        return (notFound, notClosed);
    }

    /// <summary>The report a title names, when the title is one of this drill's (<c>&lt;prefix&gt;&lt;index&gt;</c>).</summary>
    private int? IndexOf(string title) =>
        title.StartsWith(titlePrefix, StringComparison.Ordinal)
        && int.TryParse(title.AsSpan(titlePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && title.Length == titlePrefix.Length + index.ToString(CultureInfo.InvariantCulture).Length
            ? index
            : null;
}
