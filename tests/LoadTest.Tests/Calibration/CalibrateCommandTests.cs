using System.Net;
using GridActors.LoadTest.Calibration;
using GridActors.Silo.Simulation;
using GridActors.Silo.Simulation.Model;

namespace GridActors.LoadTest.Tests.Calibration;

/// <summary>The whole command against an Api that completes the period at once with the report's figures (a run takes about three seconds: the command's own waits).</summary>
public sealed class CalibrateCommandTests
{
    private static readonly CalibrationOptions Options = new(new Uri("http://county.test"), 20_000, TimeSpan.FromSeconds(30));

    private static AnsweringHandler CompletedPeriod(long dropped) => new(request => request.RequestUri!.AbsolutePath switch
    {
        "/api/auth/dev-token" => AnsweringHandler.Json(new { token = "tok" }),
        "/api/simulation/start" => AnsweringHandler.Json(new { running = true }),
        "/api/simulation" => AnsweringHandler.Json(new SimulationStatus(
            Running: false, Speed: 20_000, EventsPerDay: 861, ReportFigures.Reported, Actions: 1_438_264, OpenCases: 0,
            StartedAt: DateTimeOffset.UtcNow, ReportFigures.PeriodStart, ReportFigures.PeriodEnd, Completed: true, ReportFigures.PeriodEnd, dropped)),
        "/api/stats" => AnsweringHandler.Json(new
        {
            indicators = new { reported = ReportFigures.Reported, closed = ReportFigures.Handled, cancelled = 9_000, parked = 7_000, open = 8_753, meanHandlingHours = 26.9 },
        }),
        "/api/events" => AnsweringHandler.Json(new
        {
            total = request.RequestUri.Query.Contains("status=closed", StringComparison.Ordinal) ? ReportFigures.DisputesResolved : ReportFigures.Disputes,
        }),
        _ => new HttpResponseMessage(HttpStatusCode.NotFound),
    });

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 1)]
    public async Task RunAsync_FiguresWithinTolerance_DroppedPrintedAndFailsTheRunWhenAny(long dropped, int expectedExitCode)
    {
        using var output = new StringWriter();

        var exitCode = await CalibrateCommand.RunAsync(Options, CompletedPeriod(dropped), output);

        Assert.Equal(expectedExitCode, exitCode);
        var text = output.ToString();
        Assert.Contains("within=0.00%", text, StringComparison.Ordinal);
        Assert.Contains($" actions, {dropped} dropped", text, StringComparison.Ordinal);
        Assert.Equal(dropped > 0, text.Contains($"dropped: the simulation gave up {dropped} reports or steps", StringComparison.Ordinal));
        Assert.EndsWith($"dropped={dropped}{Environment.NewLine}", text, StringComparison.Ordinal);
    }
}
