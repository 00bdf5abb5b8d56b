using GridActors.Grains.ReadModel;

namespace GridActors.Api.Live;

/// <summary>
/// The versions of the cases that left the live view, finished before today. Without them a stale version of
/// such a case — from a read-model reload that read it before it closed — would come back as an open case
/// that nothing ever removes. Kept for two days; a reload older than that does not happen.
/// </summary>
internal sealed class DepartedCases
{
    private Dictionary<string, long> _today = new(StringComparer.Ordinal);
    private Dictionary<string, long> _yesterday = new(StringComparer.Ordinal);

    public void Remember(EventSummary summary) =>
        _today[summary.Id] = Math.Max(summary.Version, _today.GetValueOrDefault(summary.Id));

    /// <summary>True when the case left the view at this version or a later one.</summary>
    public bool Knows(EventSummary summary) =>
        (_today.TryGetValue(summary.Id, out var left) && left >= summary.Version)
        || (_yesterday.TryGetValue(summary.Id, out left) && left >= summary.Version);

    public void NewDay() => (_yesterday, _today) = (_today, new(StringComparer.Ordinal));
}
