using GridActors.Grains.Interfaces.Visits;

namespace GridActors.Grains.Visits;

/// <summary>
/// A visit that came due and becomes the task event <paramref name="EventId"/>: <paramref name="Due"/> is the
/// visit as it stood when due, <paramref name="Number"/> how many the plan has made with this one.
/// </summary>
public sealed record MadeVisit(KeyPersonView Person, ScheduledVisit Due, int Number, string EventId);
