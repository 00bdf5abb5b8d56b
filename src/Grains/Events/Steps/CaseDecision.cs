using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Events.Steps;

/// <summary>What an action comes to: a step to commit, or an answer given without changing anything.</summary>
public sealed record CaseDecision(CaseStep? Step, ActionOutcome? Answer)
{
    public static CaseDecision Commit(CaseStep step) => new(step, null);

    public static CaseDecision Refuse(ActionResult result, string reason) => new(null, new ActionOutcome(result, null, reason));

    public static CaseDecision Replay(ActionOutcome answer) => new(null, answer);
}
