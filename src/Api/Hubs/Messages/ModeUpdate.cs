using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Hubs.Messages;

/// <summary>The scope's effective mode after a switch, and every switch of the county as it stands.</summary>
public sealed record ModeUpdate(string Scope, OperatingMode Mode, CountyModes Modes);
