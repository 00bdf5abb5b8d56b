namespace GridActors.Grains.ReadModel;

/// <summary>How a tally of cases is split: not at all (one entry, keyed ""), or by township or village id.</summary>
public enum TallyBy
{
    Whole,
    Township,
    Village,
}
