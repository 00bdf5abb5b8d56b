using GridActors.Api.Events;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Api.Live;

/// <summary>
/// The county's operating modes as this node last heard them, from the stream or from the city grain. A view
/// older than the one held is ignored, so a late start-up read cannot undo a switch the stream brought.
/// </summary>
public sealed class LiveModes
{
    private readonly Lock _gate = new();
    private ModesView? _current;
    private bool _changed;

    public ModesView? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Takes a view of the modes; true when it is newer than the one held and switches something.</summary>
    public bool Offer(ModesView view)
    {
        lock (_gate)
        {
            if (_current is not null && (LastSwitch(view) < LastSwitch(_current) || SameSwitches(view, _current)))
            {
                return false;
            }
            _current = view;
            _changed = true;
            return true;
        }
    }

    /// <summary>The modes, when they switched since the last call.</summary>
    public ModesView? TakeChange()
    {
        lock (_gate)
        {
            var changed = _changed ? _current : null;
            _changed = false;
            return changed;
        }
    }

    /// <summary>The mode an area runs in: its township's effective mode, or the city's switch for the city.</summary>
    public static OperatingMode Of(ModesView? modes, Area area) =>
        modes is null ? OperatingMode.Routine
        : area.Place is { } place ? modes.EffectiveIn(place.TownshipId)
        : modes.City;

    private static DateTimeOffset LastSwitch(ModesView view) => view.History.Count == 0 ? DateTimeOffset.MinValue : view.History[^1].At;

    private static bool SameSwitches(ModesView a, ModesView b) =>
        a.City == b.City && a.Townships.Count == b.Townships.Count
        && a.Townships.All(t => b.Townships.GetValueOrDefault(t.Key) == t.Value);
}
