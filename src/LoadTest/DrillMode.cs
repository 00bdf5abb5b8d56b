namespace GridActors.LoadTest;

/// <summary>How the event drill plays its reports.</summary>
public enum DrillMode
{
    /// <summary>Every report as fast as the lanes go, then every case through the loop: the county's worst hour.</summary>
    Peak,

    /// <summary>Reports at a steady rate from workers, feeds and cameras while earlier cases go through the loop.</summary>
    Field,
}
