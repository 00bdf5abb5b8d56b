using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Sends batches to <c>POST /api/feeds/alarms</c> as a camera gateway would. An Api shedding load (503, 429, a
/// gateway's 502 or 504) or a lost connection gets the very same batch again after a short back-off: the feed
/// answers a repeated alarm id exactly as the first time and does not count it twice, so a retry is always safe.
/// Only an answered attempt is timed, so the latency is the Api's, not the back-off's.
/// </summary>
public sealed class AlarmFeed(HttpClient http, LatencyMeter batchLatency, TimeSpan patience)
{
    public const string Path = "/api/feeds/alarms";

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    private int _retries;

    public int Retries => _retries;

    /// <summary>Why batches were sent again: a status code, or <c>transport</c>.</summary>
    public ConcurrentDictionary<string, int> RetriedBecause { get; } = new();

    public async Task<BatchOutcome> SendAsync(IReadOnlyList<AlarmItem> items, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        while (true)
        {
            TimeSpan? retryAfter = null;
            string reason;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(items) };
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    batchLatency.RecordSince(sent);
                    return await ReadAnswersAsync(response, items.Count, cancellationToken);
                }
                if (!Retryable(response.StatusCode))
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    return BatchOutcome.Failed($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
                reason = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The batch may have been taken before the answer was lost; sending it again settles that.
                reason = "transport";
            }
            if (clock.Elapsed > patience)
            {
                return BatchOutcome.Failed($"still {reason} after {patience.TotalSeconds:F0} s of retries");
            }
            Interlocked.Increment(ref _retries);
            RetriedBecause.AddOrUpdate(reason, 1, (_, n) => n + 1);
            await Task.Delay(retryAfter is { } asked ? Min(asked, LongestPause) : pause, cancellationToken);
            pause = Min(pause * 2, LongestPause);
        }
    }

    private static async Task<BatchOutcome> ReadAnswersAsync(HttpResponseMessage response, int items, CancellationToken cancellationToken)
    {
        try
        {
            var answers = await response.Content.ReadFromJsonAsync<List<AlarmAnswer>>(cancellationToken) ?? [];
            return answers.Count == items
                ? BatchOutcome.Answered(answers)
                : BatchOutcome.Failed($"{answers.Count} answers for {items} alarms");
        }
        catch (JsonException unreadable)
        {
            // Not retried: an Api that answers 200 with something else is broken, not busy.
            return BatchOutcome.Failed($"an unreadable answer: {unreadable.Message}");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
}
