using GridActors.Grains.Interfaces.Workers;

namespace GridActors.Api.Contracts;

/// <summary>A worker as the Api shows it; points are the balance of the worker's ledger, as <c>GET /api/points/{id}</c> gives it.</summary>
public sealed record WorkerResponse(
    string Id,
    string Name,
    string Role,
    string Employment,
    string GridId,
    string VillageId,
    string TownshipId,
    bool OnDuty,
    DateTimeOffset? DutyChangedAt,
    int OpenTasks,
    IReadOnlyList<string> OpenTaskIds,
    int Points)
{
    public static WorkerResponse From(WorkerView view, int points) => new(
        view.Id, view.Name, view.Role, view.Employment, view.GridId, view.VillageId, view.TownshipId,
        view.OnDuty, view.DutyChangedAt, view.OpenTaskIds.Count, view.OpenTaskIds, points);
}
