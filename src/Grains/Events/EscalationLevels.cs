namespace GridActors.Grains.Events;

/// <summary>How far up the hierarchy a late case has climbed: 0 grid, 1 village, 2 township, 3 city.</summary>
public static class EscalationLevels
{
    public const int Grid = 0;
    public const int Village = 1;
    public const int Township = 2;
    public const int City = 3;

    public static string Name(int level) => level switch
    {
        Village => "village",
        Township => "township",
        City => "city",
        _ => "grid",
    };
}
