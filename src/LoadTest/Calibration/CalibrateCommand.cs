using System.Net.Http.Json;
using System.Text.Json;
using GridActors.Silo.Simulation;
using GridActors.Silo.Simulation.Model;

namespace GridActors.LoadTest.Calibration;

/// <summary>
/// <c>LoadTest calibrate --url …</c>: plays the report's period (1 August 2021 to the end of 16 November 2022) on a
/// freshly started system through its own simulation, waits for it to complete and for the read model to settle,
/// and sets the system's counts beside the report's: a table, a <c>dropped: …</c> line when the simulation gave up
/// any report or step, then one <c>calibration: …</c> line. Exit code 1 when any figure is more than 1 % off or
/// anything was dropped (<see cref="CalibrationResult.Passed"/>), 2 for a bad command line, 3 when the system
/// refuses the period.
/// </summary>
public static class CalibrateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<int> RunAsync(CalibrationOptions options) => RunAsync(options, new SocketsHttpHandler(), Console.Out);

    /// <summary>As <see cref="RunAsync(CalibrationOptions)"/>, through <paramref name="handler"/> and writing to <paramref name="output"/>, so that a test can answer as the Api.</summary>
    public static async Task<int> RunAsync(CalibrationOptions options, HttpMessageHandler handler, TextWriter output)
    {
        using var http = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        await CitySignIn.SignInAsync(http, CancellationToken.None);

        await output.WriteLineAsync($"Calibration against {options.BaseUrl}: {ReportFigures.PeriodStart:yyyy-MM-dd} to {ReportFigures.PeriodEnd:yyyy-MM-dd} " +
            $"({ReportFigures.PeriodDays:F0} days) at {options.Speed:N0}x, about {ReportFigures.PeriodDays * 86_400 / options.Speed / 60:F0} min");
        var started = await http.PostAsJsonAsync("/api/simulation/start",
            new { speed = options.Speed, from = ReportFigures.PeriodStart, until = ReportFigures.PeriodEnd });
        if (!started.IsSuccessStatusCode)
        {
            await output.WriteLineAsync($"calibration: the system refused the period ({(int)started.StatusCode}): {await started.Content.ReadAsStringAsync()}");
            return 3;
        }

        var simulated = await WaitForCompletion(http, options.ProgressEvery, output);
        var result = await Settled(http, simulated);
        foreach (var line in result.Table())
        {
            await output.WriteLineAsync(line);
        }
        if (result.DroppedLine() is { } dropped)
        {
            await output.WriteLineAsync(dropped);
        }
        await output.WriteLineAsync(result.SummaryLine());
        return result.Passed ? 0 : 1;
    }

    private static async Task<SimulationStatus> WaitForCompletion(HttpClient http, TimeSpan progressEvery, TextWriter output)
    {
        var began = DateTimeOffset.UtcNow;
        var lastShown = began;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var progress = (await http.GetFromJsonAsync<SimulationStatus>("/api/simulation", Json))!;
            if (progress.Completed)
            {
                await output.WriteLineAsync($"period completed after {(DateTimeOffset.UtcNow - began).TotalMinutes:F1} min: " +
                    $"{progress.Reported:N0} reports, {progress.Actions:N0} actions, {progress.Dropped:N0} dropped");
                return progress;
            }
            if (!progress.Running)
            {
                throw new InvalidOperationException("The simulation stopped before completing the period (stopped by someone, or the system restarted).");
            }
            if (DateTimeOffset.UtcNow - lastShown >= progressEvery)
            {
                lastShown = DateTimeOffset.UtcNow;
                await output.WriteLineAsync($"  {(lastShown - began).TotalMinutes,5:F1} min  county at {progress.Reached:yyyy-MM-dd HH:mm}  " +
                    $"{progress.Reported,9:N0} reports  {progress.Actions,10:N0} actions  {progress.OpenCases,6:N0} steps waiting  {progress.Dropped,5:N0} dropped");
            }
        }
    }

    /// <summary>The read model follows the cases a moment behind: counted once it holds every report and two reads agree.</summary>
    private static async Task<CalibrationResult> Settled(HttpClient http, SimulationStatus simulated)
    {
        CalibrationResult? previous = null;
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var current = await Count(http, simulated.Dropped);
            if (current.Reported >= simulated.Reported && current == previous)
            {
                return current;
            }
            previous = current;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException($"The read model did not settle at {simulated.Reported:N0} reports within two minutes.");
    }

    private static async Task<CalibrationResult> Count(HttpClient http, long dropped)
    {
        var stats = (await http.GetFromJsonAsync<JsonElement>("/api/stats", Json)).GetProperty("indicators");
        int Stat(string name) => stats.GetProperty(name).GetInt32();
        var disputes = await Total(http, "category=dispute");
        var disputesResolved = await Total(http, "category=dispute&status=closed");
        var closedByVolunteers = await Total(http, "assigneeKind=volunteer&status=closed");
        return new CalibrationResult(
            Stat("reported"), Stat("closed"), Stat("cancelled"), Stat("parked"),
            Open: Stat("open") - Stat("parked"),
            disputes, disputesResolved,
            stats.GetProperty("meanHandlingHours").ValueKind == JsonValueKind.Number ? stats.GetProperty("meanHandlingHours").GetDouble() : null,
            dropped,
            closedByVolunteers);
    }

    private static async Task<int> Total(HttpClient http, string filter) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/events?{filter}&pageSize=1", Json)).GetProperty("total").GetInt32();
}
