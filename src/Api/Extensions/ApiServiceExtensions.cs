using GridActors.Api.Health;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GridActors.Api.Extensions;

public static class ApiServiceExtensions
{
    /// <summary>ProblemDetails for every error, OpenAPI, health checks and Prometheus metrics.</summary>
    public static WebApplicationBuilder AddApiDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<OpenApiDocumentTransformer>()
            .AddSchemaTransformer<UtcTimeSchemaTransformer>());

        builder.Services.AddHealthChecks()
            .AddCheck<CountyReadinessCheck>("county", tags: [HealthTags.Ready])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready]);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("gridactors-api"))
            .WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.Orleans")
            .AddPrometheusExporter());
        return builder;
    }
}
