using System.Text.Json;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// The feed's answer for one alarm: 201 opened case <see cref="EventId"/>, 200 folded into it, 400 a bad item, 409
/// the alarm id reused with another body.
/// </summary>
public sealed record AlarmAnswer(string AlarmId, int Status, string? EventId, bool Folded, string? Detail, JsonElement? Errors)
{
    public const int Opened = 201;
    public const int FoldedIn = 200;

    public bool Accepted => Status is Opened or FoldedIn;

    /// <summary>What the feed promises to repeat for the same alarm id: its status, case and whether it folded.</summary>
    public bool SameAs(AlarmAnswer other) =>
        AlarmId == other.AlarmId && Status == other.Status && EventId == other.EventId && Folded == other.Folded;

    public override string ToString() =>
        $"{AlarmId}: {Status}{(EventId is null ? "" : $" {EventId}")}{(Folded ? " folded" : "")}" +
        $"{(Detail is null ? "" : $" {Detail}")}{(Errors is { } errors ? $" {errors.GetRawText()}" : "")}";
}
