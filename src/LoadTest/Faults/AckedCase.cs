namespace GridActors.LoadTest.Faults;

/// <summary>What the drill was told about one case: its 201, and every action answered 200, in order.</summary>
public sealed class AckedCase(int index, string id)
{
    private readonly List<string> _actions = [];

    public int Index => index;

    public string Id => id;

    public IReadOnlyList<string> Actions => _actions;

    /// <summary>The status of the last acknowledgement: the case may be further on, never behind.</summary>
    public string Status { get; private set; } = "";

    public long Version { get; private set; }

    /// <summary>The action sent and not yet acknowledged, if any: it may or may not have been applied.</summary>
    public string? InFlight { get; private set; }

    /// <summary>Whether the drill carried it all the way to closed.</summary>
    public bool Finished => Status == "closed";

    public void Sending(string action) => InFlight = action;

    public void Acknowledged(string? action, string status, long version)
    {
        InFlight = null;
        if (action is not null)
        {
            _actions.Add(action);
        }
        (Status, Version) = (status, version);
    }
}
