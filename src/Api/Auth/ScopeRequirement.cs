using Microsoft.AspNetCore.Authorization;

namespace GridActors.Api.Auth;

/// <summary>
/// The one requirement of the <see cref="Policies.Scoped"/> policy. On an endpoint it asks for a known role
/// with its scope; with a <see cref="Place"/> as the resource it also asks that the scope covers the place.
/// </summary>
public sealed class ScopeRequirement : IAuthorizationRequirement;
