namespace GridActors.Grains.Topology;

/// <summary>Who handles a category's cases, as the topology's <c>handledBy</c> spells it.</summary>
public static class CategoryHandlers
{
    public const string Grid = "grid";
    public const string Department = "department";
}
