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

    /// <summary>Cases in the snapshot's feed and in each <c>event</c> message.</summary>
    public int FeedSize { get; set; } = 20;
}
