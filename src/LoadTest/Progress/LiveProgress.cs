using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GridActors.LoadTest.Progress;

/// <summary>On a terminal: a table redrawn in place about once a second while the drill runs.</summary>
public sealed class LiveProgress(IAnsiConsole console) : IProgressDisplay
{
    public async Task RunAsync(Func<ProgressSnapshot> snapshot, CancellationToken done)
    {
        await console.Live(Render(snapshot())).AutoClear(false).StartAsync(async context =>
        {
            using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await ticks.WaitForNextTickAsync(done))
                {
                    context.UpdateTarget(Render(snapshot()));
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
            }
            // The last state stays on screen above the plain lines that follow.
            context.UpdateTarget(Render(snapshot()));
        });
    }

    public static IRenderable Render(ProgressSnapshot s)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("now").RightAligned())
            .AddColumn(new TableColumn("so far").RightAligned())
            .Title($"[bold]{Markup.Escape(s.Phase)}[/] {F(s.Seconds, "F0")} s");
        table.AddRow("reported", $"{F(s.ReportsNow, "F0")}/s", $"{s.Reported:N0} / {s.Planned:N0} (mean {F(s.ReportsMean, "F0")}/s)");
        table.AddRow("closed", $"{F(s.ClosedNow, "F0")}/s", $"{s.Closed:N0} / {s.Planned:N0} (mean {F(s.ClosedMean, "F0")}/s)");
        table.AddRow("open cases", "", $"{s.Open:N0}");
        table.AddRow("ack p50 / p99", "", $"{F(s.AckP50Ms, "F1")} ms / {F(s.AckP99Ms, "F1")} ms");
        if (s.PushP99Ms is { } push)
        {
            table.AddRow("dashboard push p99", "", $"{F(push, "F0")} ms");
        }
        table.AddRow("errors", "", s.Errors == 0 ? "0" : $"[red]{s.Errors:N0}[/]");
        if (s.ResidentMb is { } mb)
        {
            table.AddRow("api resident", "", $"{F(mb, "F0")} MB");
        }
        return table;
    }
}
