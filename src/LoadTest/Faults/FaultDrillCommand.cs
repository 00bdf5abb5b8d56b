using System.Globalization;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// <c>LoadTest fault …</c>: the whole loop through whatever faults the caller injects, then the audit, then one
/// line — <c>fault-drill: acked=N lost=0 duplicated=0 failovers=K recovery_s=S throughput=X</c> — and an exit
/// code that is not zero when anything acknowledged was lost, done twice or left inconsistent, or when any
/// request was answered 500.
/// </summary>
public static class FaultDrillCommand
{
    public static async Task<int> RunAsync(FaultDrillOptions options)
    {

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 })
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var timeline = new OutageTimeline();
        var requests = new PatientRequests(http, timeline, options.Patience);
        var bearer = await CitySignIn.SignInAsync(http, requests);
        var county = await County.LoadAsync(http, CancellationToken.None);

        Console.WriteLine($"Fault drill against {options.BaseUrl}: {options.Cases:N0} cases through the whole loop, " +
            $"{options.Concurrency} lanes, {options.Dashboards} dashboards");
        await using var dashboards = await ReconnectingDashboards.OpenAsync(options.BaseUrl, bearer, options.Dashboards, CancellationToken.None);
        var drill = new FaultDrill(options, new CaseJourney(county, requests), requests);
        await drill.RunAsync(CancellationToken.None);

        // Read now: a fault counts only if it struck while the cases were being carried, not during the audit.
        var faults = await FaultLog.ReadAsync(options.FaultLog);
        var (from, to) = drill.Window;
        var struck = faults.Where(f => f.At >= from && f.At <= to).ToList();
        var recoveries = struck.Select(f => (f.Name, f.At, Seconds: timeline.RecoveryAfter(f.At))).ToList();

        Console.WriteLine("Auditing what was acknowledged …");
        // The audit's own reads keep off the drill's timeline, so that they cannot make a fault look recovered.
        var auditRequests = new PatientRequests(http, new OutageTimeline(), options.Patience);
        var findings = await new FaultAudit(drill, auditRequests, options.Postgres).RunAsync(options.Concurrency, CancellationToken.None);
        var dashboardsDown = await DashboardsDownAfter(dashboards, TimeSpan.FromSeconds(30));

        foreach (var (name, at, seconds) in recoveries)
        {
            var (before, lowest) = timeline.Dip(at);
            Console.WriteLine($"  fault {name}: {(seconds is { } s ? $"recovered in {s:F1} s" : "no clean second after it")}; " +
                $"answers a second {before} before it, {lowest} at the lowest in the ten seconds after");
        }
        foreach (var missed in faults.Except(struck))
        {
            Console.WriteLine($"  fault {missed.Name} struck outside the run ({missed.At:HH:mm:ss}): it tested nothing");
        }
        Console.WriteLine($"  requests retried {requests.Retries:N0}, answered 500: {requests.ServerErrors + auditRequests.ServerErrors}, " +
            $"abandoned: {requests.Abandoned + auditRequests.Abandoned}, longest wait for one answer {requests.LongestWait.TotalSeconds:F1} s, " +
            $"seconds with a failed attempt: {timeline.DisturbedSeconds}");
        foreach (var (status, body) in requests.Refusals.Concat(auditRequests.Refusals))
        {
            Console.WriteLine($"  unexpected {(int)status}: {body[..Math.Min(body.Length, 300)]}");
        }
        Console.WriteLine($"  dashboards: {dashboards.Count}, reconnects {dashboards.Reconnects}, " +
            $"without a snapshot after reconnecting {dashboards.Unsynchronised}, not connected at the end {dashboardsDown}");
        foreach (var line in findings.Lines())
        {
            Console.WriteLine(line);
        }

        var recovered = recoveries.Count(r => r.Seconds is not null);
        var slowest = recoveries.Max(r => r.Seconds) ?? 0;
        var serverErrors = requests.ServerErrors + auditRequests.ServerErrors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fault-drill: acked={drill.Acked.Count} lost={findings.Lost} duplicated={findings.Duplicated} failovers={recovered} " +
            $"recovery_s={slowest:F1} throughput={drill.Finished / drill.Elapsed.TotalSeconds:F0} " +
            $"inconsistent={findings.Inconsistent} server_errors={serverErrors} unfinished={options.Cases - drill.Finished}"));

        var clean = findings is { Lost: 0, Duplicated: 0, Inconsistent: 0 }
            && serverErrors == 0 && requests.Abandoned + auditRequests.Abandoned == 0
            && requests.Refusals.IsEmpty && auditRequests.Refusals.IsEmpty
            && drill.Finished == options.Cases
            && struck.Count == options.ExpectedFaults && faults.Count == struck.Count && recovered == struck.Count
            && dashboards.Unsynchronised == 0 && dashboardsDown == 0;
        return clean ? 0 : 1;
    }

    private static async Task<int> DashboardsDownAfter(ReconnectingDashboards dashboards, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (dashboards.Disconnected > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }
        return dashboards.Disconnected;
    }
}
