using GridActors.Grains.Points;

namespace GridActors.Grains.ReadModel;

/// <summary>
/// The query side: lists and statistics read here and never fan out to grains. Event grains project every
/// change into it; projection is idempotent by (id, version), so repeating one is harmless.
/// </summary>
public interface IEventReadModel
{
    ValueTask Project(EventSummary summary);

    /// <summary>Takes the rows of erased cases out (a drill's cleanup); an id without a row is skipped.</summary>
    ValueTask Remove(IReadOnlyCollection<string> ids);

    Task<EventPage> Query(EventQuery query, CancellationToken cancellationToken = default);

    Task<EventSummary?> Find(string id, CancellationToken cancellationToken = default);

    /// <summary>Every case matching the filters (no paging), for indicators and rankings.</summary>
    Task<IReadOnlyList<EventSummary>> Select(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The counts the indicators are made of, of every case matching the filters at <paramref name="now"/>,
    /// split as <paramref name="by"/> says: statistics and rankings without moving every case out of the store.
    /// </summary>
    Task<IReadOnlyDictionary<string, CaseTally>> Tally(EventQuery query, DateTimeOffset now, TallyBy by, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tallies by village of the county's own cases (no drill's) reported since <paramref name="reportedFrom"/> (all, when null) that
    /// finished — closed or cancelled — by <paramref name="finishedBy"/>, and after <paramref name="finishedAfter"/>
    /// when given. A finished case never changes again, so what this counts can be kept and added to.
    /// </summary>
    Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyFinished(
        DateTimeOffset? reportedFrom, DateTimeOffset? finishedAfter, DateTimeOffset finishedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tallies by village, at <paramref name="now"/>, of the county's own cases reported since <paramref name="reportedFrom"/>
    /// that had not finished by <paramref name="finishedBy"/>: open, or finished since. With
    /// <see cref="TallyFinished"/> up to the same moment, every case is in exactly one of the two.
    /// </summary>
    Task<IReadOnlyDictionary<VillageOf, CaseTally>> TallyUnfinished(
        DateTimeOffset? reportedFrom, DateTimeOffset finishedBy, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a live view starts from: every case of <paramref name="cases"/> that <see cref="EventSummary.IsCurrent"/> on
    /// the day starting at <paramref name="dayStart"/> — all open cases and those reported or closed since.
    /// </summary>
    Task<IReadOnlyList<EventSummary>> SelectCurrent(DateTimeOffset dayStart, CaseSet cases, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> cases of the drill, in no particular order: what its cleanup erases next.</summary>
    Task<IReadOnlyList<DrillCase>> DrillCases(string drill, int limit, CancellationToken cancellationToken = default);
}
