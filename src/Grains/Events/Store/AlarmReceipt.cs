using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GridActors.Grains.Interfaces.Devices;

namespace GridActors.Grains.Events.Store;

/// <summary>
/// What one alarm did — opened or folded into <see cref="EventId"/> — committed with the case step that counted it,
/// so that an alarm is counted exactly when its receipt exists. The device answers a repeated alarm id from it.
/// <see cref="Fingerprint"/> tells the same alarm from a different one under the same id.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AlarmReceipt")]
public sealed record AlarmReceipt(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string AlarmId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string EventId,
    [property: Id(4)] bool Opened,
    [property: Id(5)] long Fingerprint,
    [property: Id(6)] bool Drill)
{
    public static AlarmReceipt For(string deviceId, AlarmDraft alarm, string eventId, bool opened) =>
        new(deviceId, alarm.AlarmId, alarm.At, eventId, opened, FingerprintOf(alarm), alarm.Drill is not null);

    public AlarmAnswer Answer => new(AlarmId, Opened ? AlarmResult.Opened : AlarmResult.Folded, EventId);

    /// <summary>
    /// A digest of everything of the alarm but its id — the first eight bytes of a SHA-256, the same in every process —
    /// so that a device keeping thousands of receipts keeps a number, not the alarm again.
    /// </summary>
    public static long FingerprintOf(AlarmDraft alarm)
    {
        var text = string.Join('|',
            alarm.Kind,
            alarm.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            alarm.Confidence?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            alarm.SnapshotUrl ?? "",
            alarm.Drill ?? "");
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }
}
