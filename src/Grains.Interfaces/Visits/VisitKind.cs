namespace GridActors.Grains.Interfaces.Visits;

/// <summary>The four visits of the report's key-person mechanism (定期接访、主动约访、深入走访、落实回访).</summary>
public enum VisitKind
{
    /// <summary>定期接访: the person is received at set intervals.</summary>
    Scheduled,

    /// <summary>主动约访: the worker invites the person to talk.</summary>
    Invited,

    /// <summary>深入走访: the worker visits the home.</summary>
    Home,

    /// <summary>落实回访: the worker follows up on what was agreed.</summary>
    FollowUp,
}
