using System.Globalization;
using GridActors.Grains.Interfaces.Events;
using Microsoft.Net.Http.Headers;

namespace GridActors.Api.Events;

/// <summary>
/// A case's version as an HTTP entity tag: <c>ETag: "12"</c> on every answer that shows a case, and
/// <c>If-Match: "12"</c> on an action to say which version the caller decided on.
/// </summary>
public static class CaseVersionTags
{
    public static void Tag(HttpContext http, EventView view) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{view.Version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>
    /// What an <c>If-Match</c> asks (RFC 9110 13.1.1): nothing when absent or <c>*</c>; otherwise the version its
    /// one strong tag names, or <see cref="NoVersion"/> when no tag in it can match a case — a weak tag, a tag this
    /// API never gives (<c>"abc"</c>, <c>"012"</c>) or several tags — so the case answers 412. False only when the
    /// header is not a list of entity tags at all.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return true;
        }
        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            return false;
        }
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return true;
        }
        var versions = tags.Where(t => !t.IsWeak).Select(t => Parse(t.Tag.ToString())).Where(v => v is not null).Distinct().ToList();
        version = versions.Count == 1 ? versions[0] : NoVersion;
        return true;
    }

    /// <summary>A version no case has: the answer to a precondition that cannot hold.</summary>
    public const long NoVersion = -1;

    /// <summary>The version of a tag exactly as <see cref="Tag"/> writes it (quotes, digits, no leading zero).</summary>
    private static long? Parse(string tag)
    {
        var digits = tag.Trim('"');
        return digits.Length > 0 && tag.Length == digits.Length + 2 && (digits == "0" || digits[0] != '0')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
