using System.Net;
using System.Net.Http.Json;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// One case through the whole loop as a careful client carries it: reported, then accepted, dispatched,
/// started, resolved and verified — one in twenty failing verification once and being reworked — each request
/// with an Idempotency-Key of its own and retried with it until answered (<see cref="PatientRequests"/>).
/// </summary>
public sealed class CaseJourney(County county, PatientRequests requests)
{
    private const int ReworkEvery = 20;

    /// <summary>Names this run's keys and titles, so that two runs against one database never meet.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>What every title of this run begins with.</summary>
    public string TitlePrefix => $"fault drill {Run} case ";

    /// <summary>The title names the run and the case, so an audit can find a report the Api stored twice.</summary>
    public string Title(int index) => $"{TitlePrefix}{index}";

    /// <summary>Carries case <paramref name="index"/>; <paramref name="acknowledged"/> hears of its 201 at once.</summary>
    /// <returns>What was acknowledged, or null when the report never was.</returns>
    public async Task<AckedCase?> Carry(int index, Action<AckedCase> acknowledged, CancellationToken cancellationToken)
    {
        var random = new Random(index);
        var grid = random.Next(county.GridIds.Count);
        // Drawn once: a retry is the same request, byte for byte.
        var category = county.CategoryIds[random.Next(county.CategoryIds.Count)];
        var reported = await requests.Send(() => new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { gridId = county.GridIds[grid], category, title = Title(index) }),
            Headers = { { "Idempotency-Key", $"fault-{Run}-{index}" } },
        }, cancellationToken, HttpStatusCode.Created, HttpStatusCode.OK); // 200: a retry, answered with the case the first attempt made
        if (reported is not { } body)
        {
            return null;
        }
        var @case = new AckedCase(index, body.GetProperty("id").GetString()!);
        @case.Acknowledged(null, body.GetProperty("status").GetString()!, body.GetProperty("version").GetInt64());
        acknowledged(@case);

        var step = 0;
        foreach (var (action, payload) in Steps(@case.Status, county.GridWorkers[grid], index % ReworkEvery == 0))
        {
            var key = $"fault-{Run}-{index}-{step++}";
            @case.Sending(action);
            var answer = await requests.Send(() => new HttpRequestMessage(HttpMethod.Post, $"/api/events/{@case.Id}/{action}")
            {
                Content = JsonContent.Create(payload),
                Headers = { { "Idempotency-Key", key } },
            }, cancellationToken, HttpStatusCode.OK);
            if (answer is not { } view)
            {
                break;
            }
            @case.Acknowledged(action, view.GetProperty("status").GetString()!, view.GetProperty("version").GetInt64());
        }
        return @case;
    }

    private static IEnumerable<(string Action, object? Body)> Steps(string status, string gridWorker, bool rework)
    {
        if (status is "reported")
        {
            // Dispatch:Auto=false: the command centre accepts every report itself.
            yield return ("accept", null);
        }
        if (status is not "dispatched")
        {
            yield return ("dispatch", new { workerId = gridWorker });
        }
        yield return ("start", null);
        yield return ("resolve", null);
        if (rework)
        {
            yield return ("verify", new { passed = false });
            yield return ("start", null);
            yield return ("resolve", null);
        }
        yield return ("verify", new { passed = true });
    }
}
