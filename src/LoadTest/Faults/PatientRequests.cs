using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// Sends a request until it is answered with the status it expects, as a well-behaved client does through an
/// outage: every retry is the same request with the same Idempotency-Key, after the server's Retry-After (or a
/// short back-off when the host did not answer at all). A 500 is a broken promise and is counted, then retried
/// like any other failure so that the drill goes on; any other 4xx is an answer and is not retried.
/// </summary>
public sealed class PatientRequests(HttpClient http, OutageTimeline timeline, TimeSpan patience, Action<TimeSpan>? answered = null)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    private int _retries;
    private int _serverErrors;
    private int _abandoned;
    private long _longestWaitTicks;

    /// <summary>Unexpected answers other than 500, by status, with one example body each.</summary>
    public ConcurrentDictionary<HttpStatusCode, string> Refusals { get; } = new();

    public int Retries => _retries;

    public int ServerErrors => _serverErrors;

    /// <summary>Requests that were still failing when the patience ran out.</summary>
    public int Abandoned => _abandoned;

    /// <summary>
    /// The longest any one request took from its first attempt to its answer, retries included: what a client
    /// stuck on a dead silo until its timeout felt, which the per-second timeline does not show.
    /// </summary>
    public TimeSpan LongestWait => TimeSpan.FromTicks(Interlocked.Read(ref _longestWaitTicks));

    /// <returns>The body of an accepted answer, or null when the request never got one.</returns>
    public async Task<JsonElement?> Send(Func<HttpRequestMessage> request, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(250);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
            }
            TimeSpan? retryAfter = null;
            try
            {
                using var message = request();
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message, cancellationToken);
                if (accepted.Contains(response.StatusCode))
                {
                    answered?.Invoke(Stopwatch.GetElapsedTime(sent));
                    timeline.Succeeded();
                    Longest(clock.Elapsed);
                    return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                }
                timeline.Failed();
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    Interlocked.Increment(ref _serverErrors);
                }
                else if (!Retryable(response.StatusCode))
                {
                    Refusals.TryAdd(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                    return null;
                }
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The host is down or restarting, or the answer was lost with it: the request may or may not
                // have been done, which is exactly what the Idempotency-Key settles on the retry.
                timeline.Failed();
            }
            if (clock.Elapsed > patience)
            {
                Interlocked.Increment(ref _abandoned);
                return null;
            }
            var wait = retryAfter is { } asked ? Min(asked, LongestPause) : pause;
            await Task.Delay(wait, cancellationToken);
            pause = Min(pause * 2, LongestPause);
        }
    }

    private void Longest(TimeSpan waited)
    {
        long seen;
        while (waited.Ticks > (seen = Interlocked.Read(ref _longestWaitTicks))
            && Interlocked.CompareExchange(ref _longestWaitTicks, waited.Ticks, seen) != seen)
        {
        }
    }

    private static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
