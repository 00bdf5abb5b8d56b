using System.Text.RegularExpressions;
using GridActors.Api.Contracts;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Devices;
using GridActors.Grains.Drills;
using GridActors.Grains.Interfaces.Devices;

namespace GridActors.Api.Feeds;

/// <summary>
/// Checks one alarm: a device of the county, a kind of the alarm rules, a time not ahead of the county clock by more
/// than a device's clock drifts, an http(s) snapshot. A bad alarm is its item's error; the others of the request go on.
/// </summary>
public sealed partial class AlarmValidator(DeviceCatalogue devices, AlarmRules rules, GridClock time)
{
    public const int MaxAlarmId = 128;

    /// <summary>How far a device's clock may run ahead of the county's before its alarm is refused.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>How old an alarm may be: older ones are history, not something to send anyone to.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public (AlarmDraft? Alarm, DeviceInfo? Device, Dictionary<string, string[]>? Errors) Validate(AlarmRequest request)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.AlarmId) || request.AlarmId.Length > MaxAlarmId || !AlarmIdPattern().IsMatch(request.AlarmId))
        {
            errors.Add("alarmId", $"alarmId is required: 1 to {MaxAlarmId} letters, digits and . _ : - characters.");
        }
        var device = string.IsNullOrEmpty(request.DeviceId) ? null : devices.Find(request.DeviceId);
        if (device is null)
        {
            errors.Add("deviceId", string.IsNullOrEmpty(request.DeviceId) ? "deviceId is required." : $"'{request.DeviceId}' is not a device of this county.");
        }
        if (request.Kind is null || rules.Find(request.Kind) is null)
        {
            errors.Add("kind", $"kind must be one of: {string.Join(", ", rules.Kinds)}.");
        }
        var now = time.GetUtcNow();
        if (request.At is not { } at)
        {
            errors.Add("at", "at is required: when the device raised the alarm.");
        }
        else if (at > now + MaxAhead)
        {
            errors.Add("at", $"at is {(at - now).TotalMinutes:F0} minutes ahead of the county clock; a device may be at most {MaxAhead.TotalMinutes:F0} ahead.");
        }
        else if (at < now - MaxAge)
        {
            errors.Add("at", $"at is more than {MaxAge.TotalDays:F0} days ago.");
        }
        if (request.Confidence is < 0 or > 1 || request.Confidence is double.NaN)
        {
            errors.Add("confidence", "confidence is between 0 and 1.");
        }
        if (request.SnapshotUrl is { } url && (url.Length > ReportValidator.MaxMediaUrl
            || !Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")))
        {
            errors.Add("snapshotUrl", $"snapshotUrl is an http or https address of at most {ReportValidator.MaxMediaUrl} characters.");
        }
        if (request.Drill is not null && !DrillIds.IsValid(request.Drill))
        {
            errors.Add("drill", DrillIds.Invalid);
        }
        return errors.Any
            ? (null, null, errors.ToDictionary())
            : (new AlarmDraft(request.AlarmId!, request.Kind!, WholeMicroseconds(request.At!.Value), request.Confidence, request.SnapshotUrl, request.Drill), device, null);
    }

    /// <summary>In UTC, to the microsecond PostgreSQL keeps, so that an alarm reads back from storage as it was sent.</summary>
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    [GeneratedRegex(@"^[A-Za-z0-9._:-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex AlarmIdPattern();
}
