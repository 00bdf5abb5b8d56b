namespace GridActors.Grains.Interfaces.Events;

public enum Priority
{
    Normal,
    Urgent,
    Critical,
}
