using GridActors.Grains.ReadModel;

namespace GridActors.Grains.Live;

/// <summary>The newest state of every case of one township that changed since the silo's last batch.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CaseChanges")]
public sealed record CaseChanges([property: Id(0)] IReadOnlyList<EventSummary> Cases);
