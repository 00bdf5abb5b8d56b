using System.Collections.Concurrent;
using GridActors.Api.Events;
using Microsoft.AspNetCore.SignalR;

namespace GridActors.Api.Live;

/// <summary>
/// The SignalR groups with a subscriber on this node, and the gate that keeps a subscription's snapshot and a
/// broadcast round apart: a subscriber joins its group between two rounds, never during one, so the first
/// delta it gets comes after its snapshot and nothing falls between the two.
/// </summary>
public sealed class LiveGroups
{
    /// <summary>A dashboard shows one scope at a time; a few allow switching without waiting, and bound what one connection costs a round.</summary>
    public const int MaxScopesPerConnection = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscribers> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    /// <summary>Held for a broadcast round, and for sending a snapshot and joining a group.</summary>
    public SemaphoreSlim RoundGate { get; } = new(1, 1);

    /// <summary>
    /// The contract's group names: <c>city</c>, <c>township:{id}</c>, <c>village:{id}</c>, <c>grid:{id}</c>; the drill
    /// view's are the same after <c>drill:</c>.
    /// </summary>
    public static string NameOf(Area area) =>
        (area.Filter.Cases.IsDrill ? "drill:" : "") + (area.Level == "city" ? "city" : $"{area.Level}:{area.Id}");

    public void Connected(HubCallerContext connection) => _connections[connection.ConnectionId] = connection;

    /// <summary>Closes a connection that cannot keep up; the page reconnects and starts again from a snapshot.</summary>
    public void Abort(string connectionId)
    {
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            connection.Abort();
        }
    }

    public int ScopesOf(string connectionId)
    {
        lock (_gate)
        {
            return _groups.Values.Count(g => g.Connections.Contains(connectionId));
        }
    }

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
    public IReadOnlyList<string> Disconnected(string connectionId)
    {
        _connections.TryRemove(connectionId, out _);
        List<string> emptied = [];
        lock (_gate)
        {
            foreach (var group in _groups.Where(g => g.Value.Connections.Contains(connectionId)).Select(g => g.Key).ToList())
            {
                if (Remove(connectionId, group))
                {
                    emptied.Add(group);
                }
            }
        }
        return emptied;
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
