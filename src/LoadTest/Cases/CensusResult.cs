namespace GridActors.LoadTest.Cases;

/// <summary>
/// What the census found of the drill's cases: how many the listing holds, the cases beyond one per report
/// (<see cref="Duplicates"/>), acknowledged cases the Api does not know (<see cref="NotFound"/>) or that are not
/// closed when they should be (<see cref="NotClosed"/>), and cases filed for reports the drill never saw
/// acknowledged (a timeout, an error answer). <see cref="ApiMarksDrills"/> is true when the Api returned the
/// cases' drill field, so that <c>?drill=</c> is known to have narrowed the listing.
/// </summary>
public sealed record CensusResult(long Listed, long Duplicates, long NotFound, long NotClosed, long Unacknowledged, bool ApiMarksDrills)
{
    public static CensusResult Empty { get; } = new(0, 0, 0, 0, 0, false);

    /// <summary>Acknowledged reports whose case is not found, or not closed, at the end.</summary>
    public long Lost => NotFound + NotClosed;
}
