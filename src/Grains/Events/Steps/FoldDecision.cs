namespace GridActors.Grains.Events.Steps;

/// <summary>
/// What a case makes of a device's further alarms: the step that counts them; or no step, because it counted them
/// all already (<see cref="Takes"/>) or takes no more alarms at all.
/// </summary>
public sealed record FoldDecision(CaseStep? Step, bool Takes)
{
    public static FoldDecision Finished { get; } = new(null, Takes: false);

    public static FoldDecision AlreadyCounted { get; } = new(null, Takes: true);
}
