namespace GridActors.Api.Auth;

public static class Policies
{
    /// <summary>The policy every endpoint uses; see <see cref="ScopeRequirement"/>.</summary>
    public const string Scoped = "scoped";
}
