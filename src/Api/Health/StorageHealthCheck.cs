using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace GridActors.Api.Health;

/// <summary>
/// Whether the node can reach what makes its acknowledgements durable: with <c>Storage=postgres</c>, one
/// round trip to the database; with the embedded default there is nothing to reach, and the check says so.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<NpgsqlDataSource>() is not { } database)
        {
            return HealthCheckResult.Healthy("Embedded in-memory storage: state lasts as long as this process.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception failure) when (failure is NpgsqlException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", failure);
        }
    }
}
