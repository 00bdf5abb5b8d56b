namespace GridActors.Grains.Interfaces.Points;

/// <summary>
/// A credit or debit owed to a participant by a rule. <see cref="Key"/> (rule + case + stage) names it once
/// and for all: a ledger that has seen the key pays nothing again. <see cref="At"/> is when the fact that
/// earns it happened, so a payment that comes late (a retry, a case healing after a crash) still counts in the
/// fact's day for the daily cap and in its month for the rankings; without it the ledger uses the time it pays.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.PointsAward")]
public sealed record PointsAward(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] int Points,
    [property: Id(2)] string Rule,
    [property: Id(3)] string Ref,
    [property: Id(4)] string Key,
    [property: Id(5)] int? DailyCap = null,
    [property: Id(6)] DateTimeOffset? At = null);
