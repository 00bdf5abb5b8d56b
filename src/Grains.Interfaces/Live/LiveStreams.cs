namespace GridActors.Grains.Interfaces.Live;

/// <summary>
/// The Orleans streams that carry live state to dashboards (docs/LIVE.md). Cases travel on one stream per
/// township — the finest scope an Api node needs as a whole — and county-wide news on one stream for the city.
/// </summary>
public static class LiveStreams
{
    /// <summary>The stream provider's name, on every silo and every Api node.</summary>
    public const string Provider = "live";

    public const string CasesNamespace = "live.cases";
    public const string CountyNamespace = "live.county";
    public const string DrillsNamespace = "live.drills";

    /// <summary>Batches of changed cases of one township.</summary>
    public static StreamId Cases(string townshipId) => StreamId.Create(CasesNamespace, townshipId);

    /// <summary>The county's operating modes whenever they switch.</summary>
    public static StreamId County(string cityId) => StreamId.Create(CountyNamespace, cityId);

    /// <summary>Drills whose cases were erased, so that each node's drill view starts again.</summary>
    public static StreamId Drills(string cityId) => StreamId.Create(DrillsNamespace, cityId);
}
