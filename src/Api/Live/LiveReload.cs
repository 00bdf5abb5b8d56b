namespace GridActors.Api.Live;

/// <summary>A read-model reload of the live view: what is current since <see cref="Since"/>, begun at <see cref="StartedAt"/>.</summary>
public sealed record LiveReload(DateTimeOffset Since, DateTimeOffset StartedAt);
