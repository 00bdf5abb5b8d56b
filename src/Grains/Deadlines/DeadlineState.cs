using GridActors.Grains.Interfaces.Deadlines;

namespace GridActors.Grains.Deadlines;

[GenerateSerializer, Alias("GridActors.DeadlineState")]
public sealed class DeadlineState
{
    /// <summary>One deadline per target, by <see cref="AlarmTarget.ToString"/>.</summary>
    [Id(0)] public Dictionary<string, ArmedDeadline> Armed { get; set; } = [];
}
