namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// The county's mix, by category. The report names the lines merged into one grid — 党建, 创文, 创卫, the
/// special campaigns, public security, hazards, disputes, epidemic control, the rural environment — but gives
/// only the disputes' count, so the other shares are this project's estimate (docs/CALIBRATION.md): environment
/// and hazard patrols first, the campaigns next, department matters a few percent each. Shares need not add
/// up to one; disputes take exactly the report's share (<see cref="CaseScripts"/>).
/// </summary>
public static class CountyMix
{
    public static IReadOnlyList<CategoryProfile> Categories { get; } =
    [
        new("hazard", 0.18, WorkHours: 10, ParkFactor: 1.0, CameraSees: true),
        new("rural-environment", 0.17, WorkHours: 20, ParkFactor: 1.3, CameraSees: false),
        new("sanitary-city", 0.12, WorkHours: 8, ParkFactor: 0.6, CameraSees: false),
        new("civilised-city", 0.11, WorkHours: 8, ParkFactor: 0.6, CameraSees: true),
        new("epidemic", 0.10, WorkHours: 1.5, ParkFactor: 0.2, CameraSees: false),
        new("public-security", 0.06, WorkHours: 1.5, ParkFactor: 0.3, CameraSees: true),
        new("special-campaign", 0.06, WorkHours: 24, ParkFactor: 1.2, CameraSees: false),
        new("party-building", 0.05, WorkHours: 24, ParkFactor: 0.5, CameraSees: false),
        new("road-safety", 0.04, WorkHours: 12, ParkFactor: 1.0, CameraSees: true),
        new("fire-hazard", 0.03, WorkHours: 2, ParkFactor: 0.8, CameraSees: true),
        new("pollution", 0.025, WorkHours: 36, ParkFactor: 2.0, CameraSees: true),
        new("illegal-construction", 0.02, WorkHours: 72, ParkFactor: 4.0, CameraSees: true),
        new("food-safety", 0.015, WorkHours: 24, ParkFactor: 1.0, CameraSees: false),
        new("geological-hazard", 0.005, WorkHours: 1, ParkFactor: 4.0, CameraSees: false),
    ];

    /// <summary>
    /// A dispute is mediated on the spot, not repaired: a couple of hours of talking, never parked nor dismissed —
    /// the report resolved 1,816 of 1,817, the one left being under mediation at the cut-off.
    /// </summary>
    public static CategoryProfile Dispute { get; } = new("dispute", 0, WorkHours: 2, ParkFactor: 0, CameraSees: false);
}
