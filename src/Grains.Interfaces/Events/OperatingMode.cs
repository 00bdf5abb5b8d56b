namespace GridActors.Grains.Interfaces.Events;

/// <summary>Routine or emergency operation (平急转换), for the city or one township.</summary>
public enum OperatingMode
{
    Routine,
    Emergency,
}
