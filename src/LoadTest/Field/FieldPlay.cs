using System.Diagnostics;
using GridActors.LoadTest.Cases;

namespace GridActors.LoadTest.Field;

/// <summary>
/// Field mode: every arrival of the schedule sent at its time, whatever the answers before it (an open loop, as
/// the county does not wait for the Api), and each acknowledged case then lives its own life through the loop
/// with people's pauses between the steps, all at once. The drill's <c>--concurrency</c> bounds the requests in
/// flight, so a slow Api shows as reports falling behind the schedule.
/// </summary>
public sealed class FieldPlay(FieldSchedule schedule, ReportSender sender, CaseLoop loop, bool carry)
{
    private long _lastAnswerTicks;

    /// <summary>Seconds from the start to the last report's answer: the rate reached is reports over this.</summary>
    public double ReportingSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _lastAnswerTicks)).TotalSeconds;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lives = new List<Task>();
        foreach (var arrival in schedule.Arrivals())
        {
            var wait = TimeSpan.FromSeconds(arrival.AtSeconds) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }
            lives.Add(Live(arrival, clock, cancellationToken));
        }
        await Task.WhenAll(lives);
    }

    private async Task Live(Arrival arrival, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Off the schedule's own loop at once, so that no arrival waits for another's request.
        await Task.Yield();
        IReadOnlyList<DrillCase> cases = arrival.Kind switch
        {
            ArrivalKind.Batch => await sender.SendBatch(arrival.FirstIndex, arrival.Count, "hotline", cancellationToken),
            ArrivalKind.Camera => Single(await sender.SendOne(arrival.FirstIndex, "camera", cancellationToken)),
            _ => Single(await sender.SendOne(arrival.FirstIndex, "worker", cancellationToken)),
        };
        InterlockedMax(ref _lastAnswerTicks, clock.Elapsed.Ticks);
        if (carry)
        {
            await Task.WhenAll(cases.Select(c => loop.Carry(c, schedule.Rework(c.Index),
                action => Task.Delay(schedule.Think(c.Index, action), cancellationToken), cancellationToken)));
        }
    }

    private static IReadOnlyList<DrillCase> Single(DrillCase? @case) => @case is null ? [] : [@case];

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var before && before != seen)
        {
            seen = before;
        }
    }
}
