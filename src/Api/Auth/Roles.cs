namespace GridActors.Api.Auth;

/// <summary>The roles of docs/API.md "Auth"; a token's <c>role</c> claim is one of these.</summary>
public static class Roles
{
    public const string City = "city";
    public const string Township = "township";
    public const string Village = "village";
    public const string Worker = "worker";
    public const string Department = "department";
    public const string Citizen = "citizen";

    /// <summary>A grid volunteer (scope = its id, <c>V0001</c>): reports, and takes volunteer tasks in its grid.</summary>
    public const string Volunteer = "volunteer";

    /// <summary>
    /// An intake channel or upstream system (scope = its name: <c>video</c>, <c>hotline</c>): files reports and
    /// alarms for any grid, and reads back only what it filed as itself (docs/INTAKE.md).
    /// </summary>
    public const string Feed = "feed";

    public static IReadOnlyList<string> All { get; } = [City, Township, Village, Worker, Department, Citizen, Volunteer, Feed];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
