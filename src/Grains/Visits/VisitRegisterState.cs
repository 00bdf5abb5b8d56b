using GridActors.Grains.Interfaces.Visits;

namespace GridActors.Grains.Visits;

[GenerateSerializer, Alias("GridActors.VisitRegisterState")]
public sealed class VisitRegisterState
{
    [Id(0)] public List<KeyPersonView> People { get; set; } = [];

    [Id(1)] public long AlarmSequence { get; set; }

    [Id(2)] public DateTimeOffset? ArmedFor { get; set; }
}
