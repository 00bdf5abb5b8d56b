using System.Diagnostics;
using System.Net;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// Every request of the event drill goes through here: at most <c>gate</c>'s count in flight (field mode; the peak's
/// lanes bound themselves), timed into its meter when the answer is the one the contract promises, and counted as
/// an error with its status and body otherwise, transport failures included, so that one bad answer never stops
/// the drill.
/// </summary>
public sealed class DrillRequests(HttpClient http, SemaphoreSlim? gate, RunState state)
{
    public RunState State => state;

    /// <returns>The answer when it had the expected status (the caller disposes it), otherwise null.</returns>
    public async Task<HttpResponseMessage?> SendAsync(
        HttpRequestMessage request, LatencyMeter meter, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        HttpResponseMessage response;
        try
        {
            var started = Stopwatch.GetTimestamp();
            response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == expected)
            {
                meter.RecordSince(started);
                return response;
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            state.Failed($"{what}: {failure.Message}");
            return null;
        }
        finally
        {
            gate?.Release();
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            state.Failed($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            return null;
        }
    }
}
