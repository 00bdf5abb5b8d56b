using System.Text.Json;
using System.Text.Json.Serialization;
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
        // Statuses, actions and priorities travel as the names the contract uses: "in_progress", "grab_expired".
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));

        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiDocumentTransformer>());

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
