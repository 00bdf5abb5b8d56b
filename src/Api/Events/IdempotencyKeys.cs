using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GridActors.Api.Contracts;

namespace GridActors.Api.Events;

/// <summary>
/// <c>Idempotency-Key</c>s: what one may look like, whose it is, and the digest of the request it was first used
/// for, so that the same key with another request is told apart from a retry.
/// </summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 200;

    /// <summary>Field errors when a key is given but malformed; null when it is fine or absent.</summary>
    public static Dictionary<string, string[]>? Check(string? key) =>
        key is not null && (key.Length is 0 or > MaxLength || key.Any(char.IsControl))
            ? new() { ["idempotencyKey"] = [$"An idempotency key is 1 to {MaxLength} printable characters."] }
            : null;

    /// <summary>The key as the case stores it: scoped to its owner, so two callers' keys never meet.</summary>
    public static string Scoped(string owner, string key) => $"{owner}\n{key}";

    /// <summary>
    /// A digest of the action and its body as the API bound it (so formatting does not count). A body without
    /// <c>volunteerId</c> is written as it was before that field existed, so a receipt stored then still matches
    /// the same request retried now.
    /// </summary>
    public static string Fingerprint(string action, ActionRequest request)
    {
        // Each field added later joins only the bodies that carry it, so a body stored before it fingerprints the same.
        var body = (request.VolunteerId, request.Into) switch
        {
            (null, null) => JsonSerializer.Serialize(new { request.WorkerId, request.DepartmentId, request.Mode, request.Passed, request.Hours, request.Note }),
            (_, null) => JsonSerializer.Serialize(new { request.WorkerId, request.DepartmentId, request.Mode, request.Passed, request.Hours, request.Note, request.VolunteerId }),
            _ => JsonSerializer.Serialize(request),
        };
        var canonical = $"{action.ToLowerInvariant()}\n{body}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 16));
    }
}
