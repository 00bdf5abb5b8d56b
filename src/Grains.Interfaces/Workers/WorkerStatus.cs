using System.Collections.Immutable;

namespace GridActors.Grains.Interfaces.Workers;

/// <summary>
/// A worker's duty and load as its grid sees them. <see cref="Version"/> grows with every change, so a
/// grid that receives reports out of order keeps the newest. <see cref="DrillTasks"/> are the load-test drills'
/// cases the worker holds, kept apart so that a drill never changes where a real case goes. <see cref="TaskIds"/>
/// names every case the worker holds, real and drill, so that the grid knows which of the cases it chose the
/// report already counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.WorkerStatus")]
public sealed record WorkerStatus(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] bool OnDuty,
    [property: Id(2)] int OpenTasks,
    [property: Id(3)] long Version,
    [property: Id(4)] int DrillTasks,
    [property: Id(5)] ImmutableArray<string> TaskIds);
