using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GridActors.LoadTest.Faults;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Reads back every case the storm named through <c>GET /api/events/{id}</c>, several at once, each retried
/// while the Api is busy (<see cref="PatientRequests"/>, which also keeps any refusal, a 404 included, for the
/// report). A case no 200 came for reads as null: the check cannot tell it from a case that does not exist, and
/// either way the storm cannot be shown exact.
/// </summary>
public sealed class CaseReader(PatientRequests requests, int lanes)
{
    public async Task<IReadOnlyDictionary<string, StormCase?>> ReadAsync(IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var cases = new ConcurrentDictionary<string, StormCase?>();
        await Lanes.RunAsync(eventIds.Count, lanes, async index =>
        {
            var id = eventIds[index];
            var answer = await requests.Send(
                () => new HttpRequestMessage(HttpMethod.Get, $"/api/events/{Uri.EscapeDataString(id)}"), cancellationToken, HttpStatusCode.OK);
            cases[id] = answer is { } view ? Parse(id, view) : null;
        }, cancellationToken);
        return cases;
    }

    /// <summary>The part of a case's view the check compares; what is missing reads as nothing, so that it differs.</summary>
    public static StormCase Parse(string id, JsonElement view)
    {
        string? Text(JsonElement? element, string name) =>
            element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var source = view.TryGetProperty("alarmSource", out var s) ? s : (JsonElement?)null;
        var alarms = view.TryGetProperty("alarms", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0;
        return new StormCase(id, Text(view, "status") ?? "", alarms, Text(source, "deviceId"), Text(source, "kind"));
    }
}
