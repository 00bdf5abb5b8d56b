namespace GridActors.Grains.Audit;

/// <summary>
/// The append-only audit trail. A case's steps reach it inside the case's own commit (<c>CaseCommit.Audit</c>);
/// everything else — reads of personal data, mode switches, duty, redemptions — through <see cref="Append"/>,
/// which the stores batch.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Durable when it completes.</summary>
    Task Append(AuditEntry entry);

    Task<AuditPage> Query(AuditQuery query, CancellationToken cancellationToken = default);
}
