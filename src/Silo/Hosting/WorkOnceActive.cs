namespace GridActors.Silo.Hosting;

/// <summary>
/// Work a silo begins once it is active and runs beside it rather than holding up start-up — in a cluster it
/// may need grains on silos that are still joining — and that stops with the silo.
/// </summary>
public abstract class WorkOnceActive : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, OnActive, OnStop);

    /// <summary>The work; <paramref name="stopping"/> is cancelled when the silo stops.</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    private Task OnActive(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task OnStop(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }
}
