using System.Text.Json;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// <c>LoadTest storm …</c>: signs in twice (the feed sends, the city reads back), runs the drill, prints the
/// <c>storm:</c> line and writes the JSON report. Exit code 0 only when the storm was exact and nothing failed.
/// </summary>
public static class StormCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(StormOptions options, CancellationToken cancellationToken)
    {
        // One connection a lane, and some to spare for the retries of a lane whose connection broke.
        using var feed = Client(options, options.Concurrency * 2);
        using var city = Client(options, 64);
        await FeedSignIn.SignInAsync(feed, cancellationToken);
        await CitySignIn.SignInAsync(city, cancellationToken);

        var report = await new StormDrill(options, feed, city).RunAsync(cancellationToken);

        foreach (var mismatch in report.Verification.FirstMismatches.Concat(report.Verification.FirstRetryDifferences))
        {
            Console.WriteLine($"  mismatch: {mismatch}");
        }
        foreach (var error in report.FirstErrors)
        {
            Console.WriteLine($"  error: {error}");
        }
        Console.WriteLine(report.SummaryLine());
        await WriteAsync(report, options.JsonReportPath, cancellationToken);
        Console.WriteLine($"report: {options.JsonReportPath}");
        return report.Passed ? 0 : 1;
    }

    public static string ToJson(StormReport report) => JsonSerializer.Serialize(report, Json);

    private static async Task WriteAsync(StormReport report, string path, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllTextAsync(path, ToJson(report), cancellationToken);
    }

    private static HttpClient Client(StormOptions options, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = options.BaseUrl,
            // A batch of a thousand alarms in a storm may queue a while; past this it is retried, not waited for.
            Timeout = TimeSpan.FromSeconds(60),
        };
}
