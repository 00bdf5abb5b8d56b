using System.Text.Json;
using System.Text.RegularExpressions;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>Every date-time string of a JSON text, found by its shape rather than by its field's name.</summary>
public static partial class JsonTimes
{
    public static IReadOnlyList<(string Path, string Value)> In(JsonElement element)
    {
        var found = new List<(string, string)>();
        Walk(element, "$", found);
        return found;
    }

    /// <summary>The times that are not UTC written with <c>Z</c>.</summary>
    public static IReadOnlyList<(string Path, string Value)> NotUtc(JsonElement element) =>
        [.. In(element).Where(t => !t.Value.EndsWith('Z'))];

    private static void Walk(JsonElement element, string path, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, $"{path}.{property.Name}", found);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", found);
                }
                break;
            case JsonValueKind.String when DateTime().IsMatch(element.GetString()!):
                found.Add((path, element.GetString()!));
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex DateTime();
}
