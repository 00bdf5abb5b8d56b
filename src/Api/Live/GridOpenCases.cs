using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// A grid's open cases as the live view keeps them: each as an <see cref="OpenCase"/>, and only the newest few
/// whole, for the feed. With the finished feed (<see cref="FinishedToday"/>) that still gives the grid's newest
/// cases: an open case leaves the feed only for a newer one, and the newer one leaves it only by finishing, when it
/// sorts in the finished feed by its closure, later still; so a feed's worth of cases sorts after any open case
/// that is not kept whole. Only the county's midnight breaks that, when yesterday's finished cases go: the grid's
/// older open cases come back into the feed as the next read-model reload offers them (<see cref="Offer"/>).
/// </summary>
internal sealed class GridOpenCases(int feedSize)
{
    private readonly Dictionary<string, OpenCase> _cases = new(StringComparer.Ordinal);
    private readonly List<EventSummary> _newest = new(feedSize + 1);

    public IReadOnlyCollection<string> Ids => _cases.Keys;

    public Dictionary<string, OpenCase>.ValueCollection Cases => _cases.Values;

    /// <summary>The newest open cases by their report, newest first.</summary>
    public IReadOnlyList<EventSummary> Newest => _newest;

    public bool TryGet(string id, out OpenCase open) => _cases.TryGetValue(id, out open);

    /// <summary>Keeps the case's new version, and in the feed if it is among the newest.</summary>
    public void Set(EventSummary summary)
    {
        _cases[summary.Id] = OpenCase.From(summary);
        _newest.RemoveAll(c => c.Id == summary.Id);
        Offer(summary);
    }

    /// <summary>Takes the case's current version into the feed if it is among the newest.</summary>
    public void Offer(EventSummary summary)
    {
        var at = FinishedToday.Shown(summary);
        if (_newest.Count == feedSize && at <= FinishedToday.Shown(_newest[^1]) || _newest.Exists(c => c.Id == summary.Id))
        {
            return;
        }
        var before = _newest.FindIndex(c => FinishedToday.Shown(c) < at);
        _newest.Insert(before < 0 ? _newest.Count : before, summary);
        if (_newest.Count > feedSize)
        {
            _newest.RemoveAt(feedSize);
        }
    }

    public void Remove(string id)
    {
        _cases.Remove(id);
        _newest.RemoveAll(c => c.Id == id);
    }
}
