namespace GridActors.Grains.Sla;

/// <summary>The stages a case's clock runs through; <see cref="Whole"/> runs from report to closure beside them.</summary>
public enum SlaStage
{
    Accept,
    Dispatch,
    Handle,
    Verify,
    Whole,
}
