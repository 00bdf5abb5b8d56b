namespace GridActors.Api.Auth;

/// <summary>The claims GridActors reads from a bearer token, by their JWT names.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The id the role is limited to: a township, village, worker, department or citizen id.</summary>
    public const string Scope = "scope";
}
