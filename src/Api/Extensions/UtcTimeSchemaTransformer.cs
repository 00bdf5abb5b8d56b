using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridActors.Api.Extensions;

/// <summary>
/// Gives times back their schema: the generator cannot see through <see cref="UtcTimeConverter"/> and would
/// describe a time as anything at all, while on the wire it is still an ISO 8601 string.
/// </summary>
public sealed class UtcTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            // A query parameter is absent rather than null: only a property (of a body or an answer) can be null.
            var nullable = type == typeof(DateTimeOffset?) && (context.JsonPropertyInfo is not null || context.ParameterDescription is null);
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}
