namespace GridActors.Grains.Interfaces.Workers;

/// <summary>A grid head or grid worker (网格长/网格员); keyed by the worker id of the topology.</summary>
[Alias("GridActors.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    [Alias("GetView")]
    Task<WorkerView> GetView();

    /// <summary>Duty and load, as the worker's grid keeps them for routing.</summary>
    [Alias("GetStatus")]
    Task<WorkerStatus> GetStatus();

    /// <summary>Puts the worker on or off duty; durable before it returns. Setting the same value again changes nothing.</summary>
    [Alias("SetDuty")]
    Task<WorkerView> SetDuty(bool onDuty);

    /// <summary>
    /// Adds a case to the worker's open tasks, or with <paramref name="drill"/> to its drill tasks; adding one it
    /// already has changes nothing.
    /// </summary>
    [Alias("AssignTask")]
    Task AssignTask(string eventId, bool drill);

    /// <summary>Removes a case from the worker's open or drill tasks; removing one it does not have changes nothing.</summary>
    [Alias("ReleaseTask")]
    Task ReleaseTask(string eventId);
}
