using System.Security.Claims;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Auth;

/// <summary>
/// Who is calling, as far as scopes are concerned. <see cref="HomeGridId"/> is a worker's or volunteer's own grid,
/// which a worker may read although the scope names only the worker. <see cref="Subject"/> is the token's subject:
/// the person or system behind it, which idempotency keys belong to.
/// </summary>
public sealed record Caller(string Role, string Scope, string? HomeGridId = null, string? Subject = null)
{
    /// <summary>The caller a token names; <paramref name="homeGridOf"/> finds the grid of a (role, scope) that has one.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal principal, Func<string, string, string?> homeGridOf)
    {
        var role = principal.FindFirstValue(ClaimNames.Role);
        var scope = principal.FindFirstValue(ClaimNames.Scope) ?? "";
        if (!Roles.IsKnown(role) || (role != Roles.City && scope.Length == 0))
        {
            return null;
        }
        var subject = principal.FindFirstValue(ClaimNames.Subject);
        return new Caller(role!, scope, homeGridOf(role!, scope), subject);
    }

    /// <summary>Whose idempotency keys these are: the token's subject, or the role and scope when it names none.</summary>
    public string KeyOwner => string.IsNullOrEmpty(Subject) ? $"{Role}:{Scope}" : $"sub:{Subject}";

    /// <summary>The caller as a party to a case: <c>worker:W0001</c>, <c>citizen:c-7</c>, <c>township:fenglu</c>.</summary>
    public Party Party => new(Role, Scope);

    /// <summary>City, township and village operators run the command centre's side of the loop.</summary>
    public bool IsOperator => Role is Roles.City or Roles.Township or Roles.Village;

    /// <summary>
    /// City sees everything; a township or village operator what lies below their area; a worker their own
    /// record and their own grid. Departments, citizens and volunteers reach the tree only through their cases.
    /// </summary>
    public bool Covers(Place place) => Role switch
    {
        Roles.City => true,
        Roles.Township => place.TownshipId == Scope,
        Roles.Village => place.VillageId == Scope,
        Roles.Worker => place.WorkerId == Scope || (place.WorkerId is null && place.GridId == HomeGridId),
        _ => false,
    };
}
