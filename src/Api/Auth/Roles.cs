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

    public static IReadOnlyList<string> All { get; } = [City, Township, Village, Worker, Department, Citizen, Volunteer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
