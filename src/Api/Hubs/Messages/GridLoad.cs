namespace GridActors.Api.Hubs.Messages;

/// <summary>How many open cases a grid has, and how many of them are overdue: the colour of its cell on the map.</summary>
public sealed record GridLoad(string Id, int Open, int Overdue);
