namespace GridActors.Grains.Interfaces.Deadlines;

/// <summary>
/// The next deadline of one target. <see cref="Sequence"/> is the target's own count of schedules: an alarm
/// carries it back, so the target can tell a current alarm from a stale one.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ArmedDeadline")]
public sealed record ArmedDeadline(
    [property: Id(0)] AlarmTarget Target,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] long Sequence);
