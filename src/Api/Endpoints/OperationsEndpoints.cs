using GridActors.Api.Extensions;
using GridActors.Api.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace GridActors.Api.Endpoints;

/// <summary>What operators and orchestrators poll: liveness, readiness, metrics and the API description.</summary>
public static class OperationsEndpoints
{
    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        // Liveness runs no checks: the process answering is the whole question.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            // Every route but a few needs a token: the reference starts with the bearer scheme chosen.
            app.MapScalarApiReference(options => options.AddPreferredSecuritySchemes([OpenApiDocumentTransformer.BearerScheme]));
        }
        return app;
    }
}
