using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Grains.Areas;

/// <summary>The county's operating modes: what a switch makes of them, and which townships it moves.</summary>
public static class CityModes
{
    /// <summary>The log keeps the latest switches; older ones are of no use to a dashboard or an operator.</summary>
    public const int HistoryKept = 200;

    /// <summary>
    /// The modes after <paramref name="change"/>, which switches the city when its scope is
    /// <paramref name="cityId"/> and that township otherwise; logged even when it sets the mode already set,
    /// since the log records who switched, not only what changed.
    /// </summary>
    public static CityState Switch(CityState current, string cityId, ModeChange change)
    {
        var switched = change.Scope == cityId
            ? current with { Mode = change.Mode }
            : current with { TownshipModes = new(current.TownshipModes) { [change.Scope] = change.Mode } };
        return switched with { History = [.. current.History.Append(change).TakeLast(HistoryKept)] };
    }

    public static OperatingMode Effective(CityState modes, string townshipId) =>
        ModesView.Effective(modes.Mode, modes.TownshipModes.GetValueOrDefault(townshipId));

    /// <summary>The townships whose effective mode differs between two states, with the mode they now run in.</summary>
    public static IReadOnlyList<(string TownshipId, OperatingMode Mode)> Moved(
        CityState before, CityState after, IEnumerable<string> townshipIds) =>
        [.. townshipIds
            .Where(id => Effective(before, id) != Effective(after, id))
            .Select(id => (id, Effective(after, id)))];
}
