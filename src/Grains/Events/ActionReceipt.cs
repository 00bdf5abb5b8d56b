namespace GridActors.Grains.Events;

/// <summary>
/// A keyed action the case applied: the caller-scoped <see cref="Key"/>, the digest of what was asked, and the
/// version the step brought the case to.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ActionReceipt")]
public sealed record ActionReceipt(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] long Version)
{
    /// <summary>
    /// Receipts a case keeps: far more than the steps one client retries at once, few enough that the case file
    /// stays small (a closed case takes 6 to 20 actions).
    /// </summary>
    public const int Kept = 32;
}
