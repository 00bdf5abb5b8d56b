using GridActors.Grains.Interfaces.Visits;

namespace GridActors.Grains.Visits;

/// <summary>
/// Never changed in place: <see cref="VisitSchedule"/> makes each next state as a copy with its own list,
/// and it stands once written.
/// </summary>
[GenerateSerializer, Alias("GridActors.VisitRegisterState")]
public sealed record VisitRegisterState
{
    [Id(0)] public List<KeyPersonView> People { get; init; } = [];

    [Id(1)] public long AlarmSequence { get; init; }

    [Id(2)] public DateTimeOffset? ArmedFor { get; init; }
}
