using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridActors.Api.Extensions;

/// <summary>
/// Names the document and declares the bearer scheme. Servers are dropped so the document does not depend
/// on the host it was fetched from, which keeps the committed copy stable.
/// </summary>
public sealed class OpenApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The bearer scheme's name in the document, which the API reference preselects.</summary>
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "GridActors API";
        document.Info.Description = "Real-time operations backend for county grid management: topology, workers, events, points and live dashboards.";
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the configured issuer, or from POST /api/auth/dev-token where development tokens are on.",
        };
        return Task.CompletedTask;
    }
}
