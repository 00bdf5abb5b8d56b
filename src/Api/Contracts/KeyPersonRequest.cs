using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Contracts;

/// <summary>Puts a person on a grid's key-person register with their visit schedule.</summary>
public sealed record KeyPersonRequest(PersonInfo? Person, string? Reason, IReadOnlyList<VisitPlanRequest>? Visits);

/// <summary><c>kind</c>: scheduled, invited, home or follow_up; <c>firstDueAt</c> defaults to one interval from now.</summary>
public sealed record VisitPlanRequest(string? Kind, double? EveryDays, DateTimeOffset? FirstDueAt = null);
