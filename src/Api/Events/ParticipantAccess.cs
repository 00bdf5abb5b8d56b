using GridActors.Api.Auth;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>A ledger's owner as scopes see it: the kind of participant and the place it belongs to.</summary>
public sealed record Participant(string Id, string Kind, Place? Place);

/// <summary>
/// Who may read and spend which ledger: the participant itself (a worker, a citizen), and the operators of
/// the area a worker, volunteer or party branch belongs to. Citizens' ledgers are their own.
/// </summary>
public sealed class ParticipantAccess(CountyTopology topology)
{
    public Participant? Find(string id)
    {
        if (topology.FindWorker(id) is { } worker)
        {
            return new Participant(id, "worker", new Place(worker.Home.Township.Id, worker.Home.Village.Id, worker.Home.Grid.Id, id));
        }
        if (topology.FindVolunteer(id) is { } volunteerGrid)
        {
            return new Participant(id, PartyKinds.Volunteer, PlaceOf(volunteerGrid));
        }
        if (id.StartsWith("P-", StringComparison.Ordinal) && topology.FindGrid(id[2..]) is { } branchGrid)
        {
            return new Participant(id, "branch", PlaceOf(branchGrid));
        }
        return id.StartsWith("C-", StringComparison.Ordinal) && id.Length > 2 ? new Participant(id, "citizen", null) : null;
    }

    /// <summary>
    /// A place's ledgers go to whoever covers the place (a worker covers its own record and its grid's
    /// volunteers and branch); a citizen's to the citizen and the city; a volunteer reads its own ledger only.
    /// </summary>
    public static bool CanUse(Caller caller, Participant participant) =>
        caller.Role == Roles.Volunteer ? caller.Scope == participant.Id
        : participant.Place is { } place
            ? caller.Covers(place)
            : caller.Role == Roles.City || (caller.Role == Roles.Citizen && ParticipantIds.Citizen(caller.Scope) == participant.Id);

    /// <summary>
    /// Spending is narrower than reading: the owner (a worker its own ledger, a citizen its own) and the
    /// operators of the area (for volunteers at a service desk) — never a worker on someone else's ledger. A
    /// volunteer redeems from its own ledger in the app, as a citizen does.
    /// </summary>
    public static bool CanSpend(Caller caller, Participant participant) =>
        caller.Role == Roles.Volunteer ? caller.Scope == participant.Id
        : participant.Place is { } place
            ? (caller.IsOperator && caller.Covers(place)) || (caller.Role == Roles.Worker && caller.Scope == participant.Id)
            : CanUse(caller, participant);

    private static Place PlaceOf(GridPlace grid) => new(grid.Township.Id, grid.Village.Id, grid.Grid.Id);
}
