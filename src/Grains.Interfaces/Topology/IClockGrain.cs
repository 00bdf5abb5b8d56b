namespace GridActors.Grains.Interfaces.Topology;

/// <summary>
/// The one county clock of the cluster, keyed by the city id: it holds the <see cref="ClockSettings"/> every
/// silo derives county time from, changes the speed for all of them, and keeps the latest simulated time the
/// silos reached, so that time never runs backwards across a restart of the whole cluster.
/// </summary>
[Alias("GridActors.IClockGrain")]
public interface IClockGrain : IGrainWithStringKey
{
    /// <summary>
    /// A silo that starts asks for the clock to follow. The first silo of a cluster starts it at
    /// <paramref name="configuredSpeed"/>, continuing from the latest checkpoint; a silo joining a running
    /// cluster gets the running clock, whatever its own configuration says.
    /// </summary>
    [Alias("Join")]
    Task<ClockSettings> Join(double configuredSpeed);

    /// <summary>The clock as it stands, for the silos that poll it; null before any silo has joined.</summary>
    [Alias("GetSettings")]
    Task<ClockSettings?> GetSettings();

    /// <summary>Runs the county clock at <paramref name="speed"/>, stored before it answers; the new settings.</summary>
    [Alias("ChangeSpeed")]
    Task<ClockSettings> ChangeSpeed(double speed);

    /// <summary>
    /// Sets the county clock to <paramref name="from"/>, running at <paramref name="speed"/>, for every silo: a new
    /// epoch (<see cref="ClockSettings.Epoch"/>). For playing a period from its start in a county that holds no
    /// cases yet; the caller checks that it does not.
    /// </summary>
    [Alias("Restart")]
    Task<ClockSettings> Restart(DateTimeOffset from, double speed);

    /// <summary>Records the simulated time a silo has reached on the line of <paramref name="epoch"/>; an older epoch's is ignored.</summary>
    [Alias("Checkpoint")]
    Task Checkpoint(DateTimeOffset simulatedNow, long epoch);
}
