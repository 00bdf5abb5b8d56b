using System.Collections.Concurrent;
using GridActors.Grains.Points;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// The embedded default: the read model as a dictionary in the silo's process. A listing scans every case,
/// which stays in the milliseconds for a peak period's few hundred thousand; PostgreSQL takes over for more,
/// and for clusters, where each silo would otherwise see only its own cases. The boards' tallies read the
/// open and lately finished cases kept apart (<see cref="FinishedLately"/>), as PostgreSQL reads its indexes;
/// drill cases are never kept apart, since the boards leave them out.
/// </summary>
public sealed class InMemoryEventReadModel : IEventReadModel
{
    private readonly ConcurrentDictionary<string, EventSummary> _events = new(StringComparer.Ordinal);
    private readonly FinishedLately _lately;
    private readonly Lock _writes = new();

    public InMemoryEventReadModel(int finishedKept = FinishedLately.DefaultCapacity) => _lately = new FinishedLately(finishedKept);

    /// <summary>
    /// Every case, read without a lock: <c>ConcurrentDictionary.Values</c> would take all of the dictionary's
    /// locks to copy half a million references, holding up every projection for the copy.
    /// </summary>
    private IEnumerable<EventSummary> All => _events.Select(pair => pair.Value);

    public ValueTask Project(EventSummary summary)
    {
        // One writer at a time, so that what is kept apart for the boards follows the version that stands.
        lock (_writes)
        {
            var known = _events.GetValueOrDefault(summary.Id);
            if (known is null || summary.Version > known.Version)
            {
                _events[summary.Id] = summary;
                if (summary.Drill is null)
                {
                    _lately.Track(known, summary);
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask Remove(IReadOnlyCollection<string> ids)
    {
        lock (_writes)
        {
            foreach (var id in ids)
            {
                _events.TryRemove(id, out _);
            }
        }
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
        DateTimeOffset? reportedFrom, DateTimeOffset? finishedAfter, DateTimeOffset finishedBy, CancellationToken cancellationToken = default)
    {
        var from = reportedFrom ?? DateTimeOffset.MinValue;
        var candidates = finishedAfter is { } after ? _lately.FinishedAfter(after) : null;
        return ByVillage((candidates ?? All).Where(e => e.Drill is null && e.ReportedAt >= from
            && e.FinishedTime is { } finished && finished <= finishedBy && (finishedAfter is null || finished > finishedAfter)), now: finishedBy);
    }

    public Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyUnfinished(
        DateTimeOffset? reportedFrom, DateTimeOffset finishedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var from = reportedFrom ?? DateTimeOffset.MinValue;
        IEnumerable<EventSummary> candidates = _lately.OpenOrFinishedAfter(finishedBy) ?? All;
        return ByVillage(candidates
            .Where(e => e.Drill is null && e.ReportedAt >= from && (e.FinishedTime is not { } finished || finished > finishedBy)), now);
    }

    public Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CaseSet cases, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSummary>>([.. All.Where(e => cases.Matches(e.Drill) && e.IsCurrent(dayStart))]);

    public Task<IReadOnlyList<DrillCase>> DrillCases(string drill, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DrillCase>>([.. All.Where(e => e.Drill == drill).Take(limit).Select(e => new DrillCase(e.Id, e.IsOpen))]);

    private static Task<IReadOnlyDictionary<VillageOf, CaseTally>> ByVillage(IEnumerable<EventSummary> cases, DateTimeOffset now) =>
        Task.FromResult<IReadOnlyDictionary<VillageOf, CaseTally>>(cases
            .GroupBy(VillageOf.Of)
            .ToDictionary(village => village.Key, village => CaseTally.Of(village, now)));

    public Task<EventSummary?> Find(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_events.GetValueOrDefault(id));
}
