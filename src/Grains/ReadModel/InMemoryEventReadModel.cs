using System.Collections.Concurrent;
using GridActors.Grains.Points;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// The embedded default: the read model as a dictionary in the silo's process. A listing scans every case,
/// which stays in the milliseconds for a peak period's few hundred thousand; PostgreSQL takes over for more,
/// and for clusters, where each silo would otherwise see only its own cases.
/// </summary>
public sealed class InMemoryEventReadModel : IEventReadModel
{
    private readonly ConcurrentDictionary<string, EventSummary> _events = new(StringComparer.Ordinal);

    /// <summary>
    /// Every case, read without a lock: <c>ConcurrentDictionary.Values</c> would take all of the dictionary's
    /// locks to copy half a million references, holding up every projection for the copy.
    /// </summary>
    private IEnumerable<EventSummary> All => _events.Select(pair => pair.Value);

    public ValueTask Project(EventSummary summary)
    {
        _events.AddOrUpdate(
            summary.Id,
            summary,
            (_, known) => summary.Version > known.Version ? summary : known);
        return ValueTask.CompletedTask;
    }

    public Task<EventPage> Query(EventQuery query, CancellationToken cancellationToken = default)
    {
        var matching = All.Where(query.Matches).ToList();
        var page = matching
            .OrderByDescending(e => e.ReportedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToList();
        return Task.FromResult(new EventPage(page, matching.Count, query.Page, query.PageSize));
    }

    public Task<IReadOnlyList<EventSummary>> Select(EventQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSummary>>([.. All.Where(query.Matches)]);

    public Task<IReadOnlyDictionary<string, CaseTally>> Tally(EventQuery query, DateTimeOffset now, TallyBy by, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, CaseTally>>(All.Where(query.Matches)
            .GroupBy(e => by switch { TallyBy.Township => e.TownshipId, TallyBy.Village => e.VillageId, _ => "" })
            .ToDictionary(area => area.Key, area => CaseTally.Of(area, now)));

    public Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyFinished(
        DateTimeOffset? reportedFrom, DateTimeOffset? finishedAfter, DateTimeOffset finishedBy, CancellationToken cancellationToken = default) =>
        ByVillage(All.Where(e => e.ReportedAt >= (reportedFrom ?? DateTimeOffset.MinValue)
            && e.FinishedTime is { } finished && finished <= finishedBy && (finishedAfter is null || finished > finishedAfter)), now: finishedBy);

    public Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyUnfinished(
        DateTimeOffset? reportedFrom, DateTimeOffset finishedBy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ByVillage(All.Where(e => e.ReportedAt >= (reportedFrom ?? DateTimeOffset.MinValue)
            && (e.FinishedTime is not { } finished || finished > finishedBy)), now);

    public Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSummary>>([.. All.Where(e => e.IsCurrent(dayStart))]);

    /// <summary>
    /// A scan of every case, as the other queries here: the embedded default's boards cost a pass over its
    /// cases where PostgreSQL's read only what finished since (docs/LIVE.md, limits).
    /// </summary>
    private static Task<IReadOnlyDictionary<VillageOf, CaseTally>> ByVillage(IEnumerable<EventSummary> cases, DateTimeOffset now) =>
        Task.FromResult<IReadOnlyDictionary<VillageOf, CaseTally>>(cases
            .GroupBy(VillageOf.Of)
            .ToDictionary(village => village.Key, village => CaseTally.Of(village, now)));

    public Task<EventSummary?> Find(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_events.GetValueOrDefault(id));
}
