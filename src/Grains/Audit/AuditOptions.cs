namespace GridActors.Grains.Audit;

/// <summary><c>Audit:*</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Audit a drill's cases as the county's own: off, because a drill's steps are nobody's doing; on to measure
    /// what the trail costs the durable path at a drill's load (docs/BENCHMARKS.md).
    /// </summary>
    public bool IncludeDrills { get; set; }
}
