using GridActors.Grains.Interfaces.Audit;

namespace GridActors.Grains.Interfaces.Devices;

/// <summary>
/// One device of the county, and the one place that knows whether its last alarm of a kind already has an open
/// case: its alarms of that kind fold into that case while it is open, and a new case opens once it has finished.
/// Keyed by the device id.
/// </summary>
[Alias("GridActors.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Files the device's alarms, in order; every answer is durable before this returns. An alarm id seen before
    /// answers as it did then and is not counted again. <paramref name="by"/> is the feed that sent them.
    /// </summary>
    [Alias("Raise")]
    Task<IReadOnlyList<AlarmAnswer>> Raise(IReadOnlyList<AlarmDraft> alarms, AuditActor by);
}
