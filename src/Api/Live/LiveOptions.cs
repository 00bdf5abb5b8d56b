namespace GridActors.Api.Live;

/// <summary>How live dashboards are fed (<c>Live:*</c>, docs/LIVE.md).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often each group gets what changed: a few messages a second, whatever the load.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the boards of subscribed scopes are recomputed, when something changed.</summary>
    public TimeSpan BoardsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node re-reads the read model, repairing anything a lost batch left behind.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a round or a snapshot waits for its messages to be written before it goes on: a client that
    /// does not read must not hold up the others.
    /// </summary>
    public TimeSpan SendDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every watched scope gets its tiles even when none of its cases changed: rates move with the clock.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cases in the snapshot's feed and in each <c>event</c> message.</summary>
    public int FeedSize { get; set; } = LiveCounty.DefaultFeedSize;
}
