using System.Diagnostics;

namespace GridActors.LoadTest;

/// <summary>What one phase of a drill measured: every request's latency, the failures, the wall time.</summary>
public sealed record PhaseResult(string Name, LatencySummary Latency, int Errors, TimeSpan Elapsed)
{
    public double Throughput => Latency.Count / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs <c>count</c> work items from <c>concurrency</c> loops, printing progress each second. A work item
/// may make several requests; it times each with <see cref="Timed"/> and returns false when one failed.
/// </summary>
public sealed class PhaseRunner(string name, int concurrency)
{
    public delegate Task<bool> WorkItem(int index, Timed timed);

    public async Task<PhaseResult> RunAsync(int count, WorkItem work, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder(concurrency);
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(
            $"  {name}: {recorder.Count,9:N0} requests  {recorder.Count / clock.Elapsed.TotalSeconds,8:N0}/s  errors {errors}"),
            null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(loop => Task.Run(async () =>
        {
            var timed = new Timed(recorder, loop);
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                if (!await work(index, timed))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));

        clock.Stop();
        return new PhaseResult(name, recorder.Summarize(), errors, clock.Elapsed);
    }
}

/// <summary>Times one request of one loop into the phase's recorder.</summary>
public sealed class Timed(LatencyRecorder recorder, int loop)
{
    public async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> request)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await request();
        recorder.Record(loop, started);
        return response;
    }

    /// <summary>Times one call that answers with nothing but success or an exception; a failed call is not timed.</summary>
    public async Task Call(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        recorder.Record(loop, started);
    }
}
