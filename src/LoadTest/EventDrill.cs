using System.Diagnostics;
using GridActors.LoadTest.Cases;
using GridActors.LoadTest.Field;
using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Progress;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest;

/// <summary>
/// The event drill: every report marked with the drill's id, played in peak or field mode, with the dashboards
/// watching when asked; a sample of everything each second, shown live and kept for the report; then the census
/// of the drill's cases (lost, duplicates), the cleanup when asked for, and the report.
/// </summary>
public sealed class EventDrill(HttpClient http, DrillOptions options, HttpClient? eraser = null)
{
    public async Task<DrillReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var county = await County.LoadAsync(http, cancellationToken);
        var memory = await ApiMemoryProbe.CreateAsync(http, options.BaseUrl, options.ApiPid, cancellationToken);
        var state = new RunState(options.Events!.Value);
        Console.WriteLine($"drill id {options.DrillId}: {options.Mode.ToString().ToLowerInvariant()} mode, Api memory from {memory.Source}");

        await using var dashboards = options.Dashboards > 0
            ? await DashboardWatch.OpenAsync(http, DashboardWatch.MarkerGrid, options.Dashboards, state.Meters.Push, options.DrillId, cancellationToken)
            : null;
        using var gate = options.Mode == DrillMode.Field ? new SemaphoreSlim(options.Concurrency) : null;
        var requests = new DrillRequests(http, gate, state);
        var sender = new ReportSender(requests, county, options.DrillId, dashboards);
        var loop = new CaseLoop(requests);
        await using var sampler = new RunSampler(state, memory, dashboards is not null, new SampleSeries());
        using var displayed = new CancellationTokenSource();

        if (dashboards is not null)
        {
            await dashboards.StartAsync(cancellationToken);
        }
        sampler.Start();
        var display = ProgressDisplays.ForThisConsole().RunAsync(() => ProgressSnapshot.Of(state, sampler, dashboards is not null), displayed.Token);
        DashboardResult? seen = null;
        var settling = TimeSpan.Zero;
        async Task SettleDashboards()
        {
            var began = Stopwatch.GetTimestamp();
            state.Phase = "dashboards settling";
            seen = dashboards is null ? null : await dashboards.FinishAsync(cancellationToken);
            settling = Stopwatch.GetElapsedTime(began);
        }

        double reportingSeconds;
        if (options.Mode == DrillMode.Peak)
        {
            var peak = new PeakPlay(options, state, sender, loop);
            await peak.RunAsync(SettleDashboards, cancellationToken);
            reportingSeconds = peak.ReportingSeconds;
        }
        else
        {
            state.Phase = "field";
            var field = new FieldPlay(new FieldSchedule(options.Events.Value, options.Rate), sender, loop, options.Loop);
            await field.RunAsync(cancellationToken);
            reportingSeconds = field.ReportingSeconds;
            await SettleDashboards();
        }
        await sampler.StopAsync();
        var runSeconds = (sampler.Elapsed - settling).TotalSeconds;
        await displayed.CancelAsync();
        await display;

        Console.WriteLine($"census of drill {options.DrillId}: listing its cases …");
        var census = await new DrillCensus(http, options.DrillId, sender.TitlePrefix)
            .TakeAsync([.. sender.Acknowledged.Values], expectClosed: options.Loop, cancellationToken);
        Console.WriteLine($"census: {census.Listed:N0} cases of the drill listed; lost {census.Lost:N0} (not found {census.NotFound:N0}, " +
            $"not closed {census.NotClosed:N0}), duplicates {census.Duplicates:N0}, filed without a 201 {census.Unacknowledged:N0}");
        var erasing = System.Diagnostics.Stopwatch.StartNew();
        var cleanup = options.Cleanup ? await DrillCleanup.EraseAsync(eraser ?? http, options.DrillId, cancellationToken) : null;
        if (cleanup is not null)
        {
            Console.WriteLine($"cleanup: {cleanup.Message} ({erasing.Elapsed.TotalSeconds:N1} s)");
            if (cleanup.Failed)
            {
                state.Failed($"cleanup {cleanup.Message}");
            }
        }

        var totals = new DrillTotals(
            state.Planned, state.Reported, state.Closed, census.Lost, census.NotFound, census.NotClosed, census.Duplicates,
            census.Unacknowledged, state.Errors, runSeconds,
            Throughput: state.Closed / Math.Max(0.001, runSeconds),
            ReportsPerSecond: state.Reported / Math.Max(0.001, reportingSeconds),
            memory.PeakMb, census.ApiMarksDrills, cleanup?.Message);
        var header = new DrillHeader(
            CommandLineText(), GitCommit.Current(), MachineInfo.Current(), startedAt, DateTimeOffset.UtcNow, options.BaseUrl.ToString(),
            options.Mode.ToString().ToLowerInvariant(), options.DrillId, options.Concurrency, options.Mode == DrillMode.Field ? options.Rate : null,
            options.Dashboards, options.Loop, memory.Source);
        var latencies = state.Meters.All()
            .Where(m => m.Name != LatencyMeters.PushName || dashboards is not null)
            .Select(m => new LatencyReport(m.Name, m.Meter.Whole(), m.Meter.Buckets()))
            .ToList();
        return new DrillReport(header, totals, latencies, sampler.Series.Snapshot(), seen, state.Failures.First());
    }

    /// <summary>The command as typed, as near as the process can tell: the program, then every argument, quoted where it must be.</summary>
    private string CommandLineText()
    {
        static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or ';' or '&' or '|')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
        var program = Environment.GetCommandLineArgs()[0];
        var launcher = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet " : "";
        return launcher + string.Join(' ', new[] { program }.Concat(options.Arguments).Select(Quote));
    }
}
