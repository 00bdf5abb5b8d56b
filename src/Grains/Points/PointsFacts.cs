using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Points;

/// <summary>The verified facts of a case that rules pay on.</summary>
public enum PointsFact
{
    /// <summary>The report was accepted: a valid report (not merely filed).</summary>
    Accepted,

    /// <summary>The case was verified and closed.</summary>
    Closed,

    /// <summary>Verification failed: the handler reworks the case.</summary>
    VerificationFailed,

    /// <summary>A stage of the case passed its time limit.</summary>
    StageOverdue,
}

/// <summary>
/// A fact with what the rules need to know of the case. <see cref="Occurrence"/> tells repeated facts of one
/// case apart (the second failed verification, the handle stage's second breach after a rework). <see cref="At"/>
/// is when the fact happened; the awards carry it, so a ledger counts them in that day however late they are paid.
/// <see cref="Drill"/> is the drill the case belongs to: its awards go to that drill's ledgers.
/// </summary>
public sealed record CaseFacts(
    PointsFact Fact,
    string EventId,
    string GridId,
    Party Reporter,
    Party? Handler,
    bool Grabbed,
    bool OnTime,
    string Occurrence = "",
    DateTimeOffset? At = null,
    string? Drill = null);
