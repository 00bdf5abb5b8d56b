namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// The alarm a case was opened by: the device, the alarm kind and the alarm itself. The case folds the device's
/// later alarms of that kind while it is open.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmOrigin")]
public sealed record AlarmOrigin(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] AlarmDraft Alarm);
