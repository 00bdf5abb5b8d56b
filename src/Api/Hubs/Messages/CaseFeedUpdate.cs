namespace GridActors.Api.Hubs.Messages;

/// <summary>The newest of the scope's cases that changed in a round, newest first; <see cref="More"/> changed too.</summary>
public sealed record CaseFeedUpdate(string Scope, IReadOnlyList<LiveCase> Cases, int More);
