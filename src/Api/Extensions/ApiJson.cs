using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridActors.Api.Extensions;

/// <summary>How the Api writes JSON, the same over HTTP and the live hub.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        // Statuses, actions and priorities travel as the names the contract uses: "in_progress", "grab_expired".
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcTimeConverter());
    }
}
