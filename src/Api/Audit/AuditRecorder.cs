using GridActors.Api.Auth;
using GridActors.Grains.Audit;
using GridActors.Grains.Clock;
using GridActors.Grains.Interfaces.Audit;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Audit;

/// <summary>
/// What the Api itself writes to the audit trail: reads of a case's unmasked personal data, requests refused for
/// being out of scope, and the changes that are not a case's step (a case's steps are written with the step).
/// Each call completes once its entry is durable, so an answer that showed a phone number was audited first.
/// </summary>
public sealed class AuditRecorder(IAuditTrail trail, GridClock clock)
{
    public const string ReadPersonal = "read-personal";

    public static AuditActor ActorOf(Caller caller) => new(caller.Role, caller.Scope, caller.Subject);

    /// <summary>The caller is shown the case's person unmasked; a case with no person (or a drill's) shows nothing.</summary>
    public Task PersonalDataRead(Caller caller, EventView view)
    {
        if (view.Report.Person is not { } person || view.Report.IsDrill)
        {
            return Task.CompletedTask;
        }
        string?[] present = [person.Name is null ? null : "name", person.Phone is null ? null : "phone",
            person.IdNumber is null ? null : "idNumber", person.Email is null ? null : "email"];
        return Append(caller, ReadPersonal, new AuditSubject(CaseAudit.SubjectKind, view.Id), AuditOutcomes.Ok,
            $"person: {string.Join(", ", present.OfType<string>())}", view.Report.TownshipId);
    }

    /// <summary>The caller is shown personal data other than a case's: a grid's key persons, say.</summary>
    public Task PersonalDataRead(Caller caller, AuditSubject subject, string detail, string? townshipId) =>
        Append(caller, ReadPersonal, subject, AuditOutcomes.Ok, detail, townshipId);

    public Task Refused(Caller caller, string action, AuditSubject subject, string reason, string? townshipId) =>
        Append(caller, action, subject, AuditOutcomes.Refused, reason, townshipId);

    public Task Changed(Caller caller, string action, AuditSubject subject, string? detail, string? townshipId) =>
        Append(caller, action, subject, AuditOutcomes.Ok, detail, townshipId);

    private Task Append(Caller caller, string action, AuditSubject subject, string outcome, string? detail, string? townshipId) =>
        trail.Append(new AuditEntry(clock.GetUtcNow(), ActorOf(caller), action, subject, outcome, detail, townshipId));
}
