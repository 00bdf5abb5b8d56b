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

    public static string FromIdempotencyKey(string caller, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}"));
        return "E" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
