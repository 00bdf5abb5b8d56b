using System.Diagnostics;
using GridActors.LoadTest.Cases;
using GridActors.LoadTest.Faults;
using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Reports;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The alarm storm drill: the whole schedule sent as fast as the Api takes it, some of it sent again, then the
/// answers and the cases checked against each other exactly, and the drill's cases erased when asked.
/// </summary>
/// <param name="options">The command line.</param>
/// <param name="feed">Signed in as the video feed: it sends the alarms.</param>
/// <param name="city">Signed in as the city: it lists the devices, reads the cases back and erases the drill.</param>
public sealed class StormDrill(StormOptions options, HttpClient feed, HttpClient city)
{
    /// <summary>How long one batch is retried while the Api sheds load before the drill gives up on it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Reading back is a few thousand small GETs; more lanes than the storm's keep it short.</summary>
    private const int ReadLanes = 32;

    private readonly FailureLog _errors = new();
    private readonly FailureLog _mismatches = new();
    private readonly FailureLog _retryDifferences = new();

    public async Task<StormReport> RunAsync(CancellationToken cancellationToken)
    {
        var devices = await DeviceListing.FirstAsync(city, options.Devices, cancellationToken);
        if (devices.Count < options.Devices)
        {
            Console.WriteLine($"only {devices.Count} devices listed, fewer than --devices {options.Devices}: the storm uses those");
        }
        var schedule = new StormSchedule(devices, options.Seconds, options.Kinds, options.Batch, options.DrillId, options.StartedAt);
        var tally = new StormTally(schedule);
        Console.WriteLine($"Storm {options.DrillId} against {options.BaseUrl}: {schedule.Count:N0} alarms of {schedule.Devices:N0} devices " +
            $"over {schedule.Seconds} simulated seconds, {schedule.Batches:N0} batches of {schedule.BatchSize}, {options.Concurrency} lanes");

        var intake = await SendStormAsync(schedule, tally, cancellationToken);
        var sample = schedule.Sample(options.RetryShare);
        var resentSame = await ResendAsync(tally, sample, cancellationToken);

        Console.WriteLine("Checking the answers and reading every case back …");
        var verdict = tally.Verify(_mismatches);
        var reader = new PatientRequests(city, new OutageTimeline(), Patience);
        var cases = await new CaseReader(reader, ReadLanes).ReadAsync([.. verdict.Cases.Keys], cancellationToken);
        foreach (var unread in cases.Where(c => c.Value is null))
        {
            _errors.Add($"case {unread.Key}: no 200 for GET /api/events/{unread.Key}");
        }
        foreach (var (status, body) in reader.Refusals)
        {
            _errors.Add($"reading a case: {(int)status} {body[..Math.Min(body.Length, 300)]}");
        }
        var counted = CaseCheck.Compare(verdict.Cases, cases, schedule.Count, _mismatches);

        string? cleanup = null;
        if (options.Cleanup)
        {
            var erased = await DrillCleanup.EraseAsync(city, options.DrillId, cancellationToken);
            cleanup = erased.Message;
            Console.WriteLine($"cleanup: {erased.Message}");
            if (erased.Failed)
            {
                _errors.Add($"cleanup {erased.Message}");
            }
        }

        var verification = new StormVerification(
            verdict.ByStatus, verdict.Pairs, verdict.Cases.Count, verdict.Opened, verdict.Folded, verdict.Unanswered, counted, sample.Count, resentSame,
            _mismatches.Count, _mismatches.First(), _retryDifferences.First());
        return new StormReport(
            $"LoadTest {string.Join(' ', options.Arguments)}", GitCommit.Current(), MachineInfo.Current(), options.StartedAt, DateTimeOffset.UtcNow,
            options.BaseUrl.ToString(), options.DrillId, options, intake, verification,
            verdict.NotAccepted + _errors.Count, _errors.First(), cleanup);
    }

    private async Task<StormIntake> SendStormAsync(StormSchedule schedule, StormTally tally, CancellationToken cancellationToken)
    {
        var latency = new LatencyMeter();
        var sender = new AlarmFeed(feed, latency, Patience);
        var progress = new StormProgress(schedule.Count, latency, sender, _errors);
        using var sent = new CancellationTokenSource();
        var display = progress.RunAsync(sent.Token);

        var clock = Stopwatch.StartNew();
        await Lanes.RunAsync(schedule.Batches, options.Concurrency, async batch =>
        {
            var range = schedule.BatchRange(batch);
            var outcome = await sender.SendAsync(ItemsOf(schedule, range), cancellationToken);
            if (outcome.Answers is { } answers)
            {
                tally.Record(range, answers);
                progress.Answered(answers.Count);
            }
            else
            {
                _errors.Add($"batch {batch} (alarms {range.Start}..{range.End}): {outcome.Failure}");
            }
        }, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await sent.CancelAsync();
        await display;

        latency.Roll();
        return new StormIntake(
            schedule.Count, schedule.Batches, seconds, schedule.Count / Math.Max(0.001, seconds), latency.Whole(), latency.Buckets(),
            sender.Retries, sender.RetriedBecause.ToDictionary());
    }

    /// <summary>The retries check: the sample sent again in batches as the storm sent them, each answer compared with the first.</summary>
    private async Task<int> ResendAsync(StormTally tally, IReadOnlyList<int> sample, CancellationToken cancellationToken)
    {
        if (sample.Count == 0)
        {
            return 0;
        }
        Console.WriteLine($"Sending {sample.Count:N0} alarms again, to check each is answered as the first time …");
        // Their own meter: the re-sends' latency is not the storm's.
        var sender = new AlarmFeed(feed, new LatencyMeter(), Patience);
        var answers = new AlarmAnswer?[sample.Count];
        var size = tally.Schedule.BatchSize;
        await Lanes.RunAsync((sample.Count + size - 1) / size, options.Concurrency, async batch =>
        {
            var range = (batch * size)..Math.Min((batch + 1) * size, sample.Count);
            var items = sample.Take(range).Select(tally.Schedule.Alarm).ToList();
            var outcome = await sender.SendAsync(items, cancellationToken);
            if (outcome.Answers is null)
            {
                _errors.Add($"re-send batch {batch}: {outcome.Failure}");
                return;
            }
            outcome.Answers.ToArray().CopyTo(answers, range.Start.Value);
        }, cancellationToken);
        return RetryCheck.Compare(tally, sample, answers, _retryDifferences);
    }

    private static List<AlarmItem> ItemsOf(StormSchedule schedule, Range range)
    {
        var (first, length) = range.GetOffsetAndLength(schedule.Count);
        return [.. Enumerable.Range(first, length).Select(schedule.Alarm)];
    }
}
