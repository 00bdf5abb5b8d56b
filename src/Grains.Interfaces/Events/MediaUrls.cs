namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// The photos of a report (a citizen's app sends up to <see cref="Max"/>), as http(s) addresses where the reporting
/// system keeps them. Compared by its addresses in order, so that a report retried with the same photos is the same
/// report (<see cref="ReportDraft"/>'s equality tells a retry from a different report).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.MediaUrls")]
public sealed record MediaUrls([property: Id(0)] IReadOnlyList<string> Urls)
{
    public const int Max = 9;

    public bool Equals(MediaUrls? other) => other is not null && Urls.SequenceEqual(other.Urls);

    public override int GetHashCode() => Urls.Aggregate(Urls.Count, (hash, url) => HashCode.Combine(hash, url));
}
