namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// One validated alarm of a device: <see cref="Kind"/> is a kind of the alarm rules, <see cref="At"/> when the device
/// raised it. Equality (a record) is what tells a retried alarm from a different one under the same id.
/// <see cref="Drill"/> names the load-test drill that sent it: its cases are that drill's, folded apart from the
/// county's own.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmDraft")]
public sealed record AlarmDraft(
    [property: Id(0)] string AlarmId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] double? Confidence = null,
    [property: Id(4)] string? SnapshotUrl = null,
    [property: Id(5)] string? Drill = null);
