namespace GridActors.Grains.Interfaces.Events;

public static class PartyKinds
{
    public const string Worker = "worker";
    public const string Department = "department";
    public const string Citizen = "citizen";

    /// <summary>A grid volunteer (网格志愿者): reports, and takes the volunteer tasks of its own grid.</summary>
    public const string Volunteer = "volunteer";
    public const string System = "system";

    /// <summary>An upstream system filing through Open311; its id is the system's configured name.</summary>
    public const string Upstream = "upstream";

    /// <summary>The command centre's operators, who run the loop within their area.</summary>
    public const string City = "city";
    public const string Township = "township";
    public const string Village = "village";

    /// <summary>Who may be named as a report's source.</summary>
    public static IReadOnlyList<string> Reporters { get; } =
        [Worker, Department, Citizen, Volunteer, "camera", "hotline", Upstream, City, Township, Village];
}
