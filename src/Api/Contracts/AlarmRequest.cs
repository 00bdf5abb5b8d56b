namespace GridActors.Api.Contracts;

/// <summary>
/// One alarm of <c>POST /api/feeds/alarms</c> as a feed sends it. Everything is nullable so that a missing field is
/// this item's clear error, not a failed request. <see cref="Drill"/> marks a load-test drill's alarm.
/// </summary>
public sealed record AlarmRequest(
    string? AlarmId,
    string? DeviceId,
    string? Kind,
    DateTimeOffset? At,
    double? Confidence = null,
    string? SnapshotUrl = null,
    string? Drill = null);
