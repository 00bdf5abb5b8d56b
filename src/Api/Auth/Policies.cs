namespace GridActors.Api.Auth;

public static class Policies
{
    /// <summary>The policy every endpoint uses; see <see cref="ScopeRequirement"/>.</summary>
    public const string Scoped = "scoped";

    /// <summary>A city token: for operator tools outside the API, such as the Orleans Dashboard in Production.</summary>
    public const string City = "city";
}
