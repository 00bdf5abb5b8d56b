namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// An action on a case with its arguments; which ones an action needs is checked at the edge. With
/// <see cref="ExpectedVersion"/> the case refuses the action if it changed since the caller's permission was
/// checked against it (<c>If-Match</c>). <see cref="RequestKey"/> is the caller's <c>Idempotency-Key</c>, scoped to
/// the caller, and <see cref="Fingerprint"/> a digest of the action and its body: the same key again answers the
/// first outcome, the same key with another fingerprint is refused. <see cref="By"/> is who sent it, for the audit
/// trail. <see cref="VolunteerId"/> names the volunteer a case is dispatched to, or the volunteer who grabs it.
/// <see cref="Into"/> names the case a merge makes this one a duplicate of.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.EventCommand")]
public sealed record EventCommand(
    [property: Id(0)] EventAction Action,
    [property: Id(1)] Party Actor,
    [property: Id(2)] string? WorkerId = null,
    [property: Id(3)] string? DepartmentId = null,
    [property: Id(4)] bool GrabMode = false,
    [property: Id(5)] bool? Passed = null,
    [property: Id(6)] double? Hours = null,
    [property: Id(7)] string? Note = null,
    [property: Id(8)] long? ExpectedVersion = null,
    [property: Id(9)] string? RequestKey = null,
    [property: Id(10)] string? Fingerprint = null,
    [property: Id(11)] GridActors.Grains.Interfaces.Audit.AuditActor? By = null,
    [property: Id(12)] string? VolunteerId = null,
    [property: Id(13)] string? Into = null);
