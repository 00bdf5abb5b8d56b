using System.Security.Cryptography;
using System.Text;

namespace GridActors.Grains.Events;

/// <summary>
/// Event ids. A report with an idempotency key gets an id derived from the key and the caller, so a retry
/// lands on the same grain wherever it arrives, and two clients' keys never collide.
/// </summary>
public static class EventIds
{
    public static string New() => "E" + Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The <paramref name="sequence"/>-th case a device's alarms of <paramref name="kind"/> open (for
    /// <paramref name="drill"/>, or the county): the device names it before reporting it, so that a report whose
    /// answer was lost is filed again under the same id, never as a second case.
    /// </summary>
    public static string ForAlarms(string deviceId, string kind, string? drill, long sequence) =>
        FromIdempotencyKey($"device:{deviceId}", $"{drill}\n{kind}\n{sequence}");

    public static string FromIdempotencyKey(string caller, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}"));
        return "E" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
