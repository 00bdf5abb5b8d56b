namespace GridActors.Grains.Interfaces.Topology;

/// <summary>
/// Where the county's simulated time is kept between processes; keyed by the city id. Silos record the time
/// they have reached, and a silo that starts continues from the latest record, so time never runs backwards
/// across a restart.
/// </summary>
[Alias("GridActors.IClockGrain")]
public interface IClockGrain : IGrainWithStringKey
{
    [Alias("GetCheckpoint")]
    Task<DateTimeOffset?> GetCheckpoint();

    [Alias("Checkpoint")]
    Task Checkpoint(DateTimeOffset simulatedNow);
}
