using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridActors.Api.Extensions;

/// <summary>
/// Writes every time as UTC with <c>Z</c>, whatever offset it carries: System.Text.Json writes a time at offset
/// zero as <c>+00:00</c> and any other with its own offset, so without this one case file could mix three spellings.
/// Reads any ISO 8601 offset, as before.
/// </summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
