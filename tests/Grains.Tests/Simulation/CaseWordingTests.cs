using GridActors.Grains.Topology;
using GridActors.Silo.Simulation.Model;

namespace GridActors.Grains.Tests.Simulation;

/// <summary>Every case the simulation reports reads as its own category, never as the fallback's words.</summary>
public sealed class CaseWordingTests
{
    /// <summary>Key-person visits are planned by the visit schedule, not reported by the simulation.</summary>
    private const string KeyPersonVisit = "key-person-visit";

    [Fact]
    public void Categories_CoverEveryCategoryOfTheCountyExceptKeyPersonVisits_AndEveryCategoryTheMixDraws()
    {
        var county = CountyTopology.LoadEmbedded().Document.Categories.Select(c => c.Id).Where(id => id != KeyPersonVisit);
        var drawn = CountyMix.Categories.Select(c => c.Id).Append(CountyMix.Dispute.Id);

        var uncovered = county.Concat(drawn).Except(CaseWording.Categories).ToList();

        Assert.Empty(uncovered);
    }

    [Fact]
    public void For_PutsThePlaceInTheTitleAndAtTheStartOfTheDescription()
    {
        var (title, description) = CaseWording.For("dispute", "龙街村", new Random(3));

        Assert.Contains("龙街村", title, StringComparison.Ordinal);
        Assert.StartsWith("龙街村", description, StringComparison.Ordinal);
        Assert.DoesNotContain("{place}", title, StringComparison.Ordinal);
    }
}
