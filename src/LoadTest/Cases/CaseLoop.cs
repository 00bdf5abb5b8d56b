using System.Net;
using System.Net.Http.Json;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// One case carried through the loop: accepted when nobody took it (<c>Dispatch:Auto=false</c>), dispatched to a
/// worker of its grid unless the grid did that, started, resolved and verified; a case picked for rework fails
/// its first verification and goes round once more. Each action is timed into its own meter; the verification
/// that fails is <c>verify-failed</c>.
/// </summary>
public sealed class CaseLoop(DrillRequests requests)
{
    /// <summary>
    /// Carries <paramref name="case"/> to its close, failing its first verification when <paramref name="rework"/>;
    /// <paramref name="pause"/> is awaited before each action with its name (how long a person takes, in field mode).
    /// True when the case was closed.
    /// </summary>
    public async Task<bool> Carry(DrillCase @case, bool rework, Func<string, Task>? pause, CancellationToken cancellationToken)
    {
        foreach (var (action, label, body) in Steps(@case, rework))
        {
            if (pause is not null)
            {
                await pause(label);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{@case.Id}/{action}") { Content = JsonContent.Create(body) };
            using var response = await requests.SendAsync(
                request, requests.State.Meters.Action(label), HttpStatusCode.OK, $"{label} {@case.Id}", cancellationToken);
            if (response is null)
            {
                return false;
            }
        }
        requests.State.ClosedOne();
        return true;
    }

    public static IEnumerable<(string Action, string Label, object? Body)> Steps(DrillCase @case, bool rework)
    {
        if (@case.Status is "reported")
        {
            yield return ("accept", "accept", null);
        }
        if (@case.Status is not "dispatched")
        {
            yield return ("dispatch", "dispatch", new { workerId = @case.GridWorker });
        }
        yield return ("start", "start", null);
        yield return ("resolve", "resolve", null);
        if (rework)
        {
            yield return ("verify", "verify-failed", new { passed = false });
            yield return ("start", "start", null);
            yield return ("resolve", "resolve", null);
        }
        yield return ("verify", "verify", new { passed = true });
    }
}
