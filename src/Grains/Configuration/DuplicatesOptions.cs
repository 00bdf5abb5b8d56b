namespace GridActors.Grains.Configuration;

/// <summary>
/// <c>Duplicates:*</c>: when a new report is the same problem as an open case (docs/INTAKE.md). A located report of
/// the same category within <see cref="RadiusMeters"/> of an open case reported in the last <see cref="Window"/>
/// joins that case instead of starting a workflow of its own.
/// </summary>
public sealed class DuplicatesOptions
{
    public const string Section = "Duplicates";

    public bool Enabled { get; set; } = true;

    public double RadiusMeters { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The widest circle <c>GET /api/events/nearby</c> searches.</summary>
    public double MaxNearbyRadiusMeters { get; set; } = 500;
}
