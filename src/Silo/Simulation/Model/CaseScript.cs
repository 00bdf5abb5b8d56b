using GridActors.Grains.Interfaces.Events;

namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// One case as the county will play it, drawn when it is reported: what it is, who reports it, how it ends and
/// how long each step takes its people on the county clock. <see cref="Pick"/> chooses among the grid's people
/// (the worker a township dispatches to, the one who grabs) so that one seed replays the same choices.
/// </summary>
public sealed record CaseScript(
    string Category,
    Priority Priority,
    ReportChannel Channel,
    CaseFate Fate,
    TimeSpan Response,
    TimeSpan Work,
    TimeSpan Verification,
    bool FailsVerification,
    double? ExtensionHours,
    TimeSpan Decision,
    bool OfferedForGrabbing,
    int Pick)
{
    public bool IsDispute => Category == CountyMix.Dispute.Id;

    /// <summary>
    /// Report to closure of a handled case when the grid routes it on its own (the default): response, work,
    /// verification, and after a failed check once more half the response and half the work, and a verification.
    /// <see cref="CaseSteps"/> plays these waits on each of the grid's routes — to a worker, to a department, or
    /// through the grab list, where the grab takes a share of the response; the county's lag and a retried step
    /// add to them. With manual dispatch the township's desk adds half a response (accepting and dispatching).
    /// </summary>
    public TimeSpan TimeToClose => Response + Work + Verification
        + (FailsVerification ? Response / 2 + Work / 2 + Verification : TimeSpan.Zero);

    /// <summary>Report to the step that ends an invalid or parked case: its dismissal, or its parking once work has started.</summary>
    public TimeSpan TimeToDecision => Fate == CaseFate.Parked ? Response + Decision : Decision;
}
