using GridActors.Grains.Interfaces.Deadlines;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Events.Store;

/// <summary>
/// What a committed step of a case owes another grain. Effects travel in the case's outbox, committed with the
/// step, and are delivered after it; each is idempotent, so delivering one again changes nothing.
/// </summary>
[GenerateSerializer, Alias("GridActors.CaseEffect")]
public abstract record CaseEffect;

/// <summary>The case became one of the worker's open tasks (its drill tasks, for a drill's case).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.AssignTask")]
public sealed record AssignTask([property: Id(0)] string WorkerId, [property: Id(1)] bool Drill = false) : CaseEffect;

/// <summary>The case is no longer one of the worker's open tasks.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.ReleaseTask")]
public sealed record ReleaseTask([property: Id(0)] string WorkerId) : CaseEffect;

/// <summary>Points the step earned someone; the ledger pays the award's key once.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.PayAward")]
public sealed record PayAward([property: Id(0)] PointsAward Award) : CaseEffect;

/// <summary>
/// The case's deadline entry changed in storage (to <paramref name="Deadline"/>, or none): the grid's shard must
/// learn it to set its timer.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.TrackDeadline")]
public sealed record TrackDeadline(
    [property: Id(0)] string Shard,
    [property: Id(1)] AlarmTarget Target,
    [property: Id(2)] long Sequence,
    [property: Id(3)] ArmedDeadline? Deadline) : CaseEffect;

/// <summary>The case, open and located, enters the square of the spatial index it lies in.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.IndexSpot")]
public sealed record IndexSpot([property: Id(0)] string Cell, [property: Id(1)] Interfaces.Nearby.OpenCaseSpot Spot) : CaseEffect;

/// <summary>The case left its square of the spatial index: it finished, or it became a duplicate.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.UnindexSpot")]
public sealed record UnindexSpot([property: Id(0)] string Cell) : CaseEffect;

/// <summary>The case became a duplicate of <paramref name="OriginalId"/>, which must count it among its duplicates.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.JoinOriginal")]
public sealed record JoinOriginal([property: Id(0)] string OriginalId) : CaseEffect;

/// <summary>The case is no longer a duplicate of <paramref name="OriginalId"/>.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.LeaveOriginal")]
public sealed record LeaveOriginal([property: Id(0)] string OriginalId) : CaseEffect;

/// <summary>The case finished as <paramref name="Status"/>: its duplicate <paramref name="DuplicateId"/> finishes with it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseEffect.TellDuplicate")]
public sealed record TellDuplicate([property: Id(0)] string DuplicateId, [property: Id(1)] Interfaces.Events.EventStatus Status) : CaseEffect;
