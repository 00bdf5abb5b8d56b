namespace GridActors.Grains.Interfaces.Audit;

/// <summary>
/// Who did something, as the audit trail names them: the role and scope of their token and its subject — the
/// person or system behind it — when it names one. Steps the county takes on its own (a deadline passing) are
/// the system's.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AuditActor")]
public sealed record AuditActor([property: Id(0)] string Role, [property: Id(1)] string Scope, [property: Id(2)] string? Subject)
{
    public static AuditActor System { get; } = new("system", "gridactors", null);

    /// <summary>How a filter names the actor: the token's subject, or role:scope when it has none.</summary>
    public string Name => Subject ?? $"{Role}:{Scope}";
}
