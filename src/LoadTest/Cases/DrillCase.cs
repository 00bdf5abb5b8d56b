namespace GridActors.LoadTest.Cases;

/// <summary>
/// A report the Api acknowledged (201): the drill's <see cref="Index"/> (which names its idempotency key and
/// title), the case's id and status as first answered, a worker of its grid, and when the county clock says it
/// was reported (the census lists the drill's cases within those times).
/// </summary>
public sealed record DrillCase(int Index, string Id, string Status, string GridWorker, DateTimeOffset ReportedAt);
