namespace GridActors.Grains.Interfaces.Events;

public static class PartyKinds
{
    public const string Worker = "worker";
    public const string Department = "department";
    public const string Citizen = "citizen";
    public const string System = "system";

    /// <summary>Who may be named as a report's source.</summary>
    public static IReadOnlyList<string> Reporters { get; } =
        [Worker, Department, Citizen, "volunteer", "camera", "hotline", "city", "township", "village"];
}
