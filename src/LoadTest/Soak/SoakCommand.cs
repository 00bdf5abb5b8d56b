using System.Globalization;
using GridActors.LoadTest.Faults;
using Npgsql;

namespace GridActors.LoadTest.Soak;

/// <summary>
/// <c>LoadTest soak …</c>: the steady run, its samples written as CSV, and one line comparing the first third
/// of the run with the last — <c>soak: … resident_mb=A→B p99_ms=C→D …</c> — so that growth shows at a glance.
/// </summary>
public static class SoakCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(SoakOptions.Usage);
            return 2;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latency = new WindowedLatency();
        var requests = new PatientRequests(http, new OutageTimeline(), TimeSpan.FromMinutes(2), latency.Record);
        var bearer = await CitySignIn.SignInAsync(http, requests);
        var county = await County.LoadAsync(http, CancellationToken.None);
        await using var database = options.Postgres is { } postgres ? NpgsqlDataSource.Create(postgres) : null;

        Console.WriteLine($"Soak against {options.BaseUrl}: {options.Rate} cases/s through the whole loop for {options.Duration.TotalMinutes:F0} min, " +
            $"{options.Dashboards} dashboards, a sample every {options.SampleEvery.TotalSeconds:F0} s into {options.Samples}");
        await using var dashboards = await ReconnectingDashboards.OpenAsync(options.BaseUrl, bearer, options.Dashboards, CancellationToken.None);
        var soak = new SoakDrill(options, new CaseJourney(county, requests), requests, latency, new SystemProbe(http, options.ApiPid, database));
        await soak.RunAsync(CancellationToken.None);

        var samples = soak.Samples;
        var third = Math.Max(1, samples.Count / 3);
        var (first, last) = (samples.Take(third).ToList(), samples.TakeLast(third).ToList());
        string Trend(Func<SoakSample, double?> value) =>
            $"{Median(first.Select(value))?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}→{Median(last.Select(value))?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: minutes={options.Duration.TotalMinutes:F0} rate={options.Rate} closed={soak.Closed} shed={soak.Shed} " +
            $"resident_mb={Trend(s => s.ResidentMb)} p99_ms={Trend(s => s.P99Ms)} p50_ms={Trend(s => s.P50Ms)} " +
            $"activations={Trend(s => s.Activations)} connections_max={samples.Max(s => s.Connections)?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
            $"server_errors={requests.ServerErrors} abandoned={requests.Abandoned} reconnects={dashboards.Reconnects}"));
        return requests is { ServerErrors: 0, Abandoned: 0 } && requests.Refusals.IsEmpty && soak.Shed == 0 ? 0 : 1;
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        return known.Length == 0 ? null : known[known.Length / 2];
    }
}
