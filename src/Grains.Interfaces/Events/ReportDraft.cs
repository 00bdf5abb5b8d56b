namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// A validated report, ready to become a case. Its grid, village and township are resolved; equality
/// (a record with value semantics) is what tells a retry from a different report under the same key.
/// <see cref="Drill"/> names the load-test drill that filed it, for the case's whole life: a drill case runs the
/// real loop but stays out of the county's listings, figures and ledgers, and its drill's cleanup removes it.
/// <see cref="MediaUrl"/> is a photo of the problem, where the reporting system keeps it. <see cref="Alarm"/> is the
/// device alarm that opened the case, for a case a device's alarms fold into; <see cref="Media"/> the photos a citizen's
/// app sent. <see cref="KnownDistinct"/> says the filer knows the report is a problem of its own — the simulated
/// county's scripts, each one of the report's distinct events at a random point — so it is never taken for a duplicate.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ReportDraft")]
public sealed record ReportDraft(
    [property: Id(0)] string GridId,
    [property: Id(1)] string VillageId,
    [property: Id(2)] string TownshipId,
    [property: Id(3)] string Category,
    [property: Id(4)] string Title,
    [property: Id(5)] string? Description,
    [property: Id(6)] Priority Priority,
    [property: Id(7)] Party Reporter,
    [property: Id(8)] GeoPoint? Location,
    [property: Id(9)] PersonInfo? Person,
    [property: Id(10)] string? Drill = null,
    [property: Id(11)] string? MediaUrl = null,
    [property: Id(12)] Devices.AlarmOrigin? Alarm = null,
    [property: Id(13)] MediaUrls? Media = null,
    [property: Id(14)] bool KnownDistinct = false)
{
    /// <summary>A drill's case: routed, held and paid apart from the county's own.</summary>
    public bool IsDrill => Drill is not null;
}
