using GridActors.Grains.Interfaces.Events;

namespace GridActors.Grains.Points;

/// <summary>
/// Ledger ids by kind of participant. Workers and volunteers keep their topology ids; party branches and
/// citizens get a prefix, so a citizen who calls himself "W0001" cannot reach a worker's ledger. A drill's
/// participants are the county's under the drill's prefix, so that a drill pays into ledgers of its own.
/// </summary>
public static class ParticipantIds
{
    private const string DrillMark = "drill:";

    public static string Branch(string gridId) => $"P-{gridId}";

    public static string Citizen(string citizenId) => $"C-{citizenId}";

    /// <summary>The ledger that stands in for <paramref name="participantId"/> in the drill (no real id has a colon).</summary>
    public static string InDrill(string drill, string participantId) => $"{DrillPrefix(drill)}{participantId}";

    /// <summary>What every ledger id of the drill starts with; the trailing colon keeps drill "a" apart from "a-b".</summary>
    public static string DrillPrefix(string drill) => $"{DrillMark}{drill}:";

    public static bool IsDrill(string participantId) => participantId.StartsWith(DrillMark, StringComparison.Ordinal);

    /// <summary>The ledger of a party to a case, or null for those who earn no points (operators, feeds, the system).</summary>
    public static string? Of(Party party) => party.Kind switch
    {
        PartyKinds.Worker or PartyKinds.Volunteer => party.Id,
        PartyKinds.Citizen => Citizen(party.Id),
        _ => null,
    };
}
