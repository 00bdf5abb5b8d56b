namespace GridActors.Grains.Configuration;

/// <summary><c>Dispatch:*</c>. Whether new reports are accepted and routed by their grid on their own.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>True: the grid accepts and routes each new report. False: reports wait in <c>reported</c> for an operator.</summary>
    public bool Auto { get; set; } = true;
}
