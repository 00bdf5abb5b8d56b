namespace GridActors.Grains.Sla;

/// <summary>The points on a stage's clock where something happens.</summary>
public enum AlarmKind
{
    /// <summary>Half the limit used.</summary>
    Warning50,

    /// <summary>Three quarters of the limit used.</summary>
    Warning75,

    /// <summary>The limit passed: overdue, escalated to the village, supervised.</summary>
    Breach,

    /// <summary>Twice the limit: escalated to the township.</summary>
    EscalateToTownship,

    /// <summary>Three times the limit: escalated to the city.</summary>
    EscalateToCity,
}
