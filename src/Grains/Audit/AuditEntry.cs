using GridActors.Grains.Interfaces.Audit;

namespace GridActors.Grains.Audit;

/// <summary>
/// One line of the audit trail: who (<see cref="Actor"/>) did what (<see cref="Action"/>: a step of the loop, a
/// mode switch, <c>read-personal</c>…) to what (<see cref="Subject"/>), with what result. <see cref="TownshipId"/>
/// is the township the subject belongs to, which is what a township's operators may read of the trail. An entry
/// never holds personal data itself: it says that a phone number was read, not the number.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    AuditActor Actor,
    string Action,
    AuditSubject Subject,
    string Outcome,
    string? Detail,
    string? TownshipId);

public sealed record AuditSubject(string Kind, string Id);

public static class AuditOutcomes
{
    public const string Ok = "ok";

    /// <summary>Asked for and refused: outside the caller's scope.</summary>
    public const string Refused = "refused";
}
