namespace GridActors.Api.Contracts;

/// <summary>
/// Asks for a development token: a role and, for every role but city, the id it is scoped to. <see cref="Subject"/>
/// names the person behind it (default: the role and scope), so that two operators of one township can be told
/// apart — their idempotency keys are their own.
/// </summary>
public sealed record DevTokenRequest(string? Role, string? Scope = null, string? Subject = null);
