namespace GridActors.Grains.Interfaces.Topology;

/// <summary>
/// The county clock that every silo follows, as a line through real (UTC wall-clock) time: at the real instant
/// <see cref="AnchorReal"/> the county clock reads <see cref="AnchorSimulated"/>; from then on it runs at
/// <see cref="Speed"/> simulated seconds per real second, and before it at <see cref="PreviousSpeed"/>.
/// A speed change sets the anchor a moment ahead, so every silo has learnt of it when it takes effect.
/// <see cref="Version"/> grows with every change, so a silo never goes back to an older line. <see cref="Epoch"/>
/// grows when the county is set to another time altogether (a simulated period played from its start): a silo
/// takes a line of a newer epoch as it reads, even behind what it has shown, where within an epoch time never
/// runs backwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ClockSettings")]
public sealed record ClockSettings(
    [property: Id(0)] DateTimeOffset AnchorSimulated,
    [property: Id(1)] DateTimeOffset AnchorReal,
    [property: Id(2)] double Speed,
    [property: Id(3)] double PreviousSpeed,
    [property: Id(4)] long Version,
    [property: Id(5)] long Epoch = 0);
