namespace GridActors.Api.Health;

public static class HealthTags
{
    /// <summary>Checks that must pass before the node takes traffic (<c>/readyz</c>).</summary>
    public const string Ready = "ready";
}
