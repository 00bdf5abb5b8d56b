using GridActors.Grains.Interfaces.Topology;

namespace GridActors.Silo.Hosting;

/// <summary>Whether this silo has opened the county's grains; what <c>/readyz</c> reports.</summary>
public sealed class CountyReadiness
{
    private volatile CountyCounts? _opened;

    public bool IsReady => _opened is not null;

    public CountyCounts? Opened => _opened;

    public void MarkOpened(CountyCounts counts) => _opened = counts;
}
