using System.Text.Json;

namespace GridActors.Grains.Events;

/// <summary>Statuses and actions by the snake_case names the API uses, for messages that reach clients.</summary>
public static class Names
{
    public static string Of<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
