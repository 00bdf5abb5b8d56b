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
    public static async Task<int> RunAsync(SoakOptions options)
    {

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

        Console.WriteLine($"Soak against {options.BaseUrl}: {options.Rate} cases/s through the whole loop for {options.Duration.TotalMinutes:F0} min " +
            $"after a {options.Warmup.TotalSeconds:F0} s ramp, " +
            $"{options.Dashboards} dashboards, a sample every {options.SampleEvery.TotalSeconds:F0} s into {options.Samples}");
        await using var dashboards = await ReconnectingDashboards.OpenAsync(options.BaseUrl, bearer, options.Dashboards, CancellationToken.None);
        var soak = new SoakDrill(options, new CaseJourney(county, requests), requests, latency, new SystemProbe(http, options.ApiPid, database));
        await soak.RunAsync(CancellationToken.None);

        // The warm-up's samples are in the CSV but not compared (SoakOptions).
        var samples = soak.Samples.Where(s => s.Seconds >= options.Warmup.TotalSeconds).ToList();
        if (samples.Count == 0)
        {
            Console.WriteLine("soak: no sample after the warm-up; run longer");
            return 1;
        }
        var third = Math.Max(1, samples.Count / 3);
        var (first, last) = (samples.Take(third).ToList(), samples.TakeLast(third).ToList());
        var memory = Growth(first, last, s => s.ResidentMb);
        var tail = Growth(first, last, s => s.P99Ms);
        var activations = Growth(first, last, s => s.Activations);
        string Trend((double? First, double? Last) growth) => string.Create(CultureInfo.InvariantCulture,
            $"{growth.First?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}→{growth.Last?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}");
        var unfinished = soak.Started - soak.Closed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: minutes={options.Duration.TotalMinutes:F0} rate={options.Rate} started={soak.Started} closed={soak.Closed} " +
            $"unfinished={unfinished} failed={soak.Failed} shed={soak.Shed} " +
            $"resident_mb={Trend(memory)} p99_ms={Trend(tail)} activations={Trend(activations)} " +
            $"connections_max={samples.Max(s => s.Connections)?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
            $"server_errors={requests.ServerErrors} abandoned={requests.Abandoned} reconnects={dashboards.Reconnects}"));

        // Flat: the last third of the run no more than the allowed growth above the first, for memory, activations
        // and p99 latency (medians of each third).
        var grew = new (string What, (double? First, double? Last) Growth)[] { ("resident memory", memory), ("activations", activations), ("p99 latency", tail) }
            .Where(g => g.Growth is { First: > 0, Last: { } end } && end > g.Growth.First * options.MaxGrowth)
            .Select(g => g.What)
            .ToList();
        foreach (var what in grew)
        {
            Console.WriteLine($"  not flat: {what} grew by more than {(options.MaxGrowth - 1) * 100:F0} % from the first third of the run to the last");
        }
        var clean = requests is { ServerErrors: 0, Abandoned: 0 } && requests.Refusals.IsEmpty
            && soak is { Shed: 0, Failed: 0 } && unfinished == 0 && grew.Count == 0;
        return clean ? 0 : 1;
    }

    private static (double? First, double? Last) Growth(List<SoakSample> first, List<SoakSample> last, Func<SoakSample, double?> value) =>
        (Median(first.Select(value)), Median(last.Select(value)));

    private static double? Median(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        return known.Length == 0 ? null : known[known.Length / 2];
    }
}
