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
    /// The version an <c>If-Match</c> names: null when there is none or it is <c>*</c>; false when it is not a
    /// single case version (a list, or a tag this API never gave).
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return true;
        }
        if (!EntityTagHeaderValue.TryParseList([header], out var tags) || tags.Count != 1)
        {
            return false;
        }
        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return true;
        }
        if (!long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        version = parsed;
        return true;
    }
}
