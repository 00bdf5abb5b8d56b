using GridActors.Grains.Interfaces.Events;

namespace GridActors.Silo.Simulation.Model;

/// <summary>Who files a report: the grid worker on patrol (the report's 407,177 came through the workers' app), or another channel.</summary>
public enum ReportChannel
{
    Patrol,
    CitizenApp,
    Hotline,
    Camera,
    Volunteer,
}

/// <summary>How a case ends in the simulation.</summary>
public enum CaseFate
{
    /// <summary>Worked, verified (perhaps after rework) and closed.</summary>
    Handled,

    /// <summary>A report the command centre dismisses: a duplicate, outside its remit, or nothing found.</summary>
    Invalid,

    /// <summary>Parked (挂账) once work starts: it needs money, a plan or another authority, and stays open.</summary>
    Parked,
}

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
    /// Report to closure of a handled case when the grid dispatches on its own (the default): response, work,
    /// verification, and after a failed check once more half the response and half the work, and a verification.
    /// <see cref="CaseSteps"/> plays exactly these waits.
    /// </summary>
    public TimeSpan TimeToClose => Response + Work + Verification
        + (FailsVerification ? Response / 2 + Work / 2 + Verification : TimeSpan.Zero);

    /// <summary>Report to the step that ends an invalid or parked case: its dismissal, or its parking once work has started.</summary>
    public TimeSpan TimeToDecision => Fate == CaseFate.Parked ? Response + Decision : Decision;
}
