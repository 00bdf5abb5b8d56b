namespace GridActors.Grains.ReadModel;

/// <summary>A village and its township: the finest place the boards rank, from which a township's figures add up.</summary>
public readonly record struct VillageOf(string TownshipId, string VillageId)
{
    public static VillageOf Of(EventSummary summary) => new(summary.TownshipId, summary.VillageId);
}
