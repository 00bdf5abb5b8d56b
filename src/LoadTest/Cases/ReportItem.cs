using System.Text.Json.Serialization;

namespace GridActors.LoadTest.Cases;

/// <summary>
/// The body of <c>POST /api/events</c>, and of one item of <c>POST /api/events/batch</c> (which adds
/// <see cref="RequestId"/>). <see cref="Drill"/> marks the drill's reports; an Api that does not know the field yet
/// ignores it.
/// </summary>
public sealed record ReportItem(
    string GridId,
    string Category,
    string Title,
    string Drill,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReporterRef? Reporter = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null);
