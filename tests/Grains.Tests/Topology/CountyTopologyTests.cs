using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Topology;

public sealed class CountyTopologyTests
{
    private static readonly CountyTopology County = Chengjiang.Topology;

    [Fact]
    public void LoadEmbedded_ReproducesTheReportsCounts()
    {
        var document = County.Document;

        Assert.Equal("澄江市", document.City.Name);
        Assert.Equal(6, document.Townships.Count);
        Assert.Equal(47, County.Villages.Count());
        Assert.Equal(448, County.Grids.Count());
        Assert.Equal(1318, County.Workers.Select(w => w.Worker.Id).Distinct().Count());
    }

    [Fact]
    public void LoadEmbedded_NamesTheSixTownshipsOfTheReport()
    {
        var names = County.Document.Townships.Select(t => t.Name);

        Assert.Equal(["凤麓街道", "龙街街道", "右所镇", "阳宗镇", "海口镇", "九村镇"], names);
    }

    [Fact]
    public void EveryGrid_HasTwoToFourWorkersWithOneHeadListedFirst()
    {
        foreach (var place in County.Grids)
        {
            var workers = place.Grid.Workers;
            Assert.InRange(workers.Count, 2, 4);
            Assert.Equal(WorkerRoles.Head, workers[0].Role);
            Assert.Single(workers, w => w.Role == WorkerRoles.Head);
        }
    }

    [Fact]
    public void Ids_AreUniqueAcrossEveryLevel()
    {
        var ids = County.Document.Townships.Select(t => t.Id)
            .Concat(County.Villages.Select(v => v.Id))
            .Concat(County.Grids.Select(g => g.Grid.Id))
            .Concat(County.Workers.Select(w => w.Worker.Id))
            .Concat(County.Document.Departments.Select(d => d.Id))
            .Append(County.City.Id)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void DepartmentCategories_AreEachOwnedByExactlyOneDepartment()
    {
        var owned = County.Document.Departments.SelectMany(d => d.Categories).ToList();
        var departmentHandled = County.Document.Categories.Where(c => c.HandledBy == "department").Select(c => c.Id);

        Assert.Equal(owned.Count, owned.Distinct().Count());
        Assert.Equal(departmentHandled.Order(), owned.Order());
        Assert.All(County.Document.Categories, c => Assert.Contains(c.Priority, new[] { "normal", "urgent", "critical" }));
    }

    [Fact]
    public void FindWorker_KnowsTheWorkersGridVillageAndTownship()
    {
        var place = County.FindWorker("W0001");

        Assert.NotNull(place);
        Assert.Contains(place.Home.Grid.Workers, w => w.Id == "W0001");
        Assert.Contains(place.Home.Village.Grids, g => g.Id == place.Home.Grid.Id);
        Assert.Contains(place.Home.Township.Villages, v => v.Id == place.Home.Village.Id);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("")]
    [InlineData("W9999")]
    public void Find_UnknownIds_ReturnNull(string id)
    {
        Assert.Null(County.FindGrid(id));
        Assert.Null(County.FindWorker(id));
        Assert.Null(County.FindTownship(id));
        Assert.Null(County.FindVillage(id));
    }
}
