using GridActors.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridActors.Api.Health;

/// <summary>Ready once the co-hosted silo is up and has opened the county's grains.</summary>
public sealed class CountyReadinessCheck(CountyReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Opened is { } counts
            ? HealthCheckResult.Healthy($"{counts.Grids} grids and {counts.Workers} workers are active.")
            : HealthCheckResult.Unhealthy("The silo has not opened the county yet."));
}
