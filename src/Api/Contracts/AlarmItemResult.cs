namespace GridActors.Api.Contracts;

/// <summary>
/// One alarm's answer, in the order sent: 201 when it opened case <see cref="EventId"/>, 200 when it folded into it
/// (<see cref="Folded"/>), 400 with <see cref="Errors"/> for a bad alarm, 403 for a device outside a township key's
/// township, 409 when its id was used for another alarm, 503 when its device could not file it just now.
/// The same alarm again gets the same answer.
/// </summary>
public sealed record AlarmItemResult(
    string? AlarmId,
    int Status,
    string? EventId = null,
    bool Folded = false,
    string? Detail = null,
    IDictionary<string, string[]>? Errors = null);
