using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// The versions of the cases that finished (closed or cancelled) and so are counted, not kept, by the live view.
/// Without them a stale version of such a case — from a read-model reload that read it before it closed — would
/// come back as an open case, or a repeated one would be counted twice. Each is kept as long as a reload can
/// still read it: until its report and its closure are both older than where the next reload reads from
/// (<see cref="LiveCounty.BeginReload"/>), by the case's own times, the comparison the read model makes. So
/// the set is bounded by the rate of cases, not by the length of the day, and clocks of silos and Api nodes
/// need not agree.
/// </summary>
internal sealed class DepartedCases
{
    private readonly Dictionary<string, (long Version, DateTimeOffset Latest)> _cases = new(StringComparer.Ordinal);

    public int Count => _cases.Count;

    public void Remember(EventSummary summary)
    {
        var latest = Latest(summary);
        _cases[summary.Id] = _cases.TryGetValue(summary.Id, out var known)
            ? (Math.Max(known.Version, summary.Version), latest > known.Latest ? latest : known.Latest)
            : (summary.Version, latest);
    }

    /// <summary>True when the case left the view at this version or a later one.</summary>
    public bool Knows(EventSummary summary) => _cases.TryGetValue(summary.Id, out var left) && left.Version >= summary.Version;

    /// <summary>Forgets the cases no reload from <paramref name="since"/> on reads again.</summary>
    public void ForgetBefore(DateTimeOffset since)
    {
        foreach (var (id, left) in _cases)
        {
            if (left.Latest < since)
            {
                _cases.Remove(id);
            }
        }
    }

    /// <summary>The later of a case's report and its closure: a reload from a moment reads it while this is not before it.</summary>
    public static DateTimeOffset Latest(EventSummary summary) =>
        summary.ClosedAt is { } closedAt && closedAt > summary.ReportedAt ? closedAt : summary.ReportedAt;
}
