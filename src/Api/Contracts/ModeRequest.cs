namespace GridActors.Api.Contracts;

/// <summary>
/// Switches the city (no scope, or the city id) or one township to <c>routine</c> or <c>emergency</c>; the
/// optional reason (at most 280 printable characters) goes into the log of switches with who switched.
/// </summary>
public sealed record ModeRequest(string? Mode, string? Scope = null, string? Reason = null)
{
    public const int ReasonMaxLength = 280;
}
