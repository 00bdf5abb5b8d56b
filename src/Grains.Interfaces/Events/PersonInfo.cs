namespace GridActors.Grains.Interfaces.Events;

/// <summary>
/// Personal data attached to a case (a party to a dispute, a key person, the contact an upstream system passed
/// on). Masked on the way out.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.PersonInfo")]
public sealed record PersonInfo(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? Phone = null,
    [property: Id(2)] string? IdNumber = null,
    [property: Id(3)] string? Email = null)
{
    /// <summary>
    /// Never the data itself: a record prints its members, so a report or case written to a log — by us, by Orleans
    /// reporting a failed call, by an exception's message — would otherwise carry the name and phone number with it.
    /// </summary>
    public override string ToString() => "PersonInfo { withheld }";
}
