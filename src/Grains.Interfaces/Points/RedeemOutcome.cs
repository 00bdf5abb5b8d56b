namespace GridActors.Grains.Interfaces.Points;

public enum RedeemResult
{
    Redeemed,

    /// <summary>The same request again: what it did the first time.</summary>
    AlreadyRedeemed,

    /// <summary>The balance is short; nothing changed.</summary>
    Short,
}

[GenerateSerializer, Immutable, Alias("GridActors.RedeemOutcome")]
public sealed record RedeemOutcome([property: Id(0)] RedeemResult Result, [property: Id(1)] LedgerView Ledger);
