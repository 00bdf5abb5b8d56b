namespace GridActors.Grains.Audit;

/// <summary>A filtered, paged slice of the audit trail, newest first; every filter optional, combined with AND.</summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? SubjectId = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? TownshipId = null,
    int Page = 1,
    int PageSize = 50)
{
    /// <summary>The filters' meaning, which the SQL of the PostgreSQL trail repeats.</summary>
    public bool Matches(AuditEntry entry) =>
        (Actor is null || entry.Actor.Name == Actor)
        && (SubjectId is null || entry.Subject.Id == SubjectId)
        && (Action is null || entry.Action == Action)
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To)
        && (TownshipId is null || entry.TownshipId == TownshipId);
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);
