using System.Globalization;
using GridActors.LoadTest.Metrics;
using Npgsql;

namespace GridActors.LoadTest.Soak;

/// <summary>
/// What the soak watches besides its own requests: the Api's resident memory (from <c>/proc</c>), the cluster's
/// activations (from the Api's Prometheus metrics) and the connections open on the database.
/// </summary>
public sealed class SystemProbe(HttpClient http, int? apiPid, NpgsqlDataSource? database)
{
    public double? ResidentMb() => apiPid is { } pid ? ProcStatus.Megabytes(pid, ProcStatus.Resident) : null;

    /// <summary>The sum of Orleans' activation gauge over its series; null when the metrics do not say.</summary>
    public async Task<long?> Activations(CancellationToken cancellationToken)
    {
        try
        {
            var text = await http.GetStringAsync("/metrics", cancellationToken);
            var values = text.Split('\n')
                .Where(l => l.StartsWith("orleans_catalog_activations", StringComparison.Ordinal) && !l.StartsWith("orleans_catalog_activations_", StringComparison.Ordinal))
                .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
                .ToList();
            return values.Count == 0 ? null : (long)values.Sum();
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or FormatException && !cancellationToken.IsCancellationRequested)
        {
            // One sample without it: the soak goes on.
            return null;
        }
    }

    public async Task<long?> Connections(CancellationToken cancellationToken)
    {
        if (database is null)
        {
            return null;
        }
        try
        {
            await using var command = database.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }
}
