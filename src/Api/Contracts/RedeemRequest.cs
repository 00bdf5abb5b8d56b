namespace GridActors.Api.Contracts;

/// <summary>Spends points on a catalogue item; <c>requestId</c> makes a retry redeem once.</summary>
public sealed record RedeemRequest(int? Points, string? Item, string? RequestId);
