using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Interfaces.Topology;

/// <summary>The county's operating modes: the city's switch, each township's own, and the log of switches.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ModesView")]
public sealed record ModesView(
    [property: Id(0)] OperatingMode City,
    [property: Id(1)] IReadOnlyDictionary<string, OperatingMode> Townships,
    [property: Id(2)] IReadOnlyList<ModeChange> History)
{
    /// <summary>The mode a township runs in: emergency when the city or the township is switched to it.</summary>
    public static OperatingMode Effective(OperatingMode city, OperatingMode township) =>
        city == OperatingMode.Emergency || township == OperatingMode.Emergency ? OperatingMode.Emergency : OperatingMode.Routine;

    public OperatingMode EffectiveIn(string townshipId) => Effective(City, Townships.GetValueOrDefault(townshipId));
}
