using GridActors.Api.Events;

namespace GridActors.Api.Live;

/// <summary>
/// The SignalR groups with a subscriber on this node, and the gate that keeps a subscription's snapshot and a
/// broadcast round apart: a subscriber joins its group between two rounds, never during one, so the first
/// delta it gets comes after its snapshot and nothing falls between the two.
/// </summary>
public sealed class LiveGroups
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscribers> _groups = new(StringComparer.Ordinal);

    /// <summary>Held for a broadcast round, and for sending a snapshot and joining a group.</summary>
    public SemaphoreSlim RoundGate { get; } = new(1, 1);

    /// <summary>The contract's group names: <c>city</c>, <c>township:{id}</c>, <c>village:{id}</c>, <c>grid:{id}</c>.</summary>
    public static string NameOf(Area area) => area.Level == "city" ? "city" : $"{area.Level}:{area.Id}";

    public void Join(string connectionId, string group, Area area)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(group, out var subscribers))
            {
                _groups[group] = subscribers = new Subscribers(area, new HashSet<string>(StringComparer.Ordinal));
            }
            subscribers.Connections.Add(connectionId);
        }
    }

    /// <summary>Takes the connection out of the group; true when the group has nobody left here.</summary>
    public bool Leave(string connectionId, string group)
    {
        lock (_gate)
        {
            return Remove(connectionId, group);
        }
    }

    /// <summary>Takes a closed connection out of every group; returns the groups left with nobody.</summary>
    public IReadOnlyList<string> LeaveAll(string connectionId)
    {
        lock (_gate)
        {
            return [.. _groups.Where(g => g.Value.Connections.Contains(connectionId)).Select(g => g.Key).ToList()
                .Where(group => Remove(connectionId, group))];
        }
    }

    /// <summary>The groups that someone on this node watches now, with their areas.</summary>
    public IReadOnlyList<(string Group, Area Area)> Active()
    {
        lock (_gate)
        {
            return [.. _groups.Select(g => (g.Key, g.Value.Area))];
        }
    }

    private bool Remove(string connectionId, string group)
    {
        if (!_groups.TryGetValue(group, out var subscribers) || !subscribers.Connections.Remove(connectionId)
            || subscribers.Connections.Count > 0)
        {
            return false;
        }
        _groups.Remove(group);
        return true;
    }

    private sealed record Subscribers(Area Area, HashSet<string> Connections);
}
