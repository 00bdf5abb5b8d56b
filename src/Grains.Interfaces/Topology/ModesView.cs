using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>
/// The county's operating modes: the city's switch, the mode in force in each township (<c>townships</c>,
/// what dashboards colour by), each township's own switch with the reason for the mode in force
/// (<c>townshipModes</c>), and the log of switches.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ModesView")]
public sealed record ModesView(
    [property: Id(0)] OperatingMode City,
    [property: Id(1)] IReadOnlyDictionary<string, OperatingMode> Townships,
    [property: Id(2)] IReadOnlyList<ModeChange> History,
    [property: Id(3)] IReadOnlyDictionary<string, TownshipMode> TownshipModes)
{
    /// <summary>The view of the city's switch and each township's own switch (missing: routine).</summary>
    public static ModesView Of(
        OperatingMode city, IEnumerable<string> townshipIds, IReadOnlyDictionary<string, OperatingMode> ownModes,
        IReadOnlyList<ModeChange> history)
    {
        var modes = townshipIds.ToDictionary(id => id, id => TownshipMode.Of(city, ownModes.GetValueOrDefault(id)));
        return new(city, modes.ToDictionary(m => m.Key, m => m.Value.Effective), history, modes);
    }

    /// <summary>The mode a township runs in: emergency when the city or the township is switched to it.</summary>
    public static OperatingMode Effective(OperatingMode city, OperatingMode township) =>
        TownshipMode.Of(city, township).Effective;

    public OperatingMode EffectiveIn(string townshipId) => Effective(City, Townships.GetValueOrDefault(townshipId));
}
