namespace GridActors.Grains.Interfaces.Topology;

/// <summary>Whose switch puts a township in the mode it runs in.</summary>
public enum ModeSource
{
    /// <summary>The township's own switch: the city is in routine.</summary>
    Township,

    /// <summary>The city's emergency, which holds whatever the township's own switch says.</summary>
    City,
}
