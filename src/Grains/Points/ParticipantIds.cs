using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Points;

/// <summary>
/// Ledger ids by kind of participant. Workers and volunteers keep their topology ids; party branches and
/// citizens get a prefix, so a citizen who calls himself "W0001" cannot reach a worker's ledger.
/// </summary>
public static class ParticipantIds
{
    public static string Branch(string gridId) => $"P-{gridId}";

    public static string Citizen(string citizenId) => $"C-{citizenId}";

    /// <summary>The ledger of a party to a case, or null for those who earn no points (operators, feeds, the system).</summary>
    public static string? Of(Party party) => party.Kind switch
    {
        PartyKinds.Worker or "volunteer" => party.Id,
        PartyKinds.Citizen => Citizen(party.Id),
        _ => null,
    };
}
