using GridActors.Grains.Points;
using GridActors.Grains.ReadModel;
using GridActors.Grains.Topology;

namespace GridActors.Api.Events;

/// <summary>
/// Red, yellow and black boards (红黄黑榜) of an area: its townships or villages by their indicators, its workers
/// by points, its party branches against their targets. Shared by the REST endpoint and the live dashboards,
/// so both rank the same way.
/// </summary>
public sealed class Leaderboards(CountyTopology topology, PeriodTallies tallies, PeriodPoints points, PointsPolicy policy)
{
    public static IReadOnlyList<string> Kinds { get; } = ["townships", "villages", "workers", "branches"];

    /// <summary>What an area ranks unless asked otherwise: the level below it, or its workers.</summary>
    public static string DefaultKind(Area? area) => area?.Level switch { "city" => "townships", "township" => "villages", _ => "workers" };

    public static bool Allows(string kind, Area? area) =>
        Kinds.Contains(kind)
        && (kind != "townships" || area?.Level == "city")
        && (kind != "villages" || area?.Level is "city" or "township");

    public async Task<Boards> Build(Area area, string kind, string period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = Period.Start(period, now) ?? throw new ArgumentException($"Unknown period '{period}'.", nameof(period));
        var grids = topology.Grids.Where(area.Covers).ToList();
        IEnumerable<RankedEntry> entries;
        if (kind is "townships" or "villages")
        {
            var byVillage = await tallies.Since(period == "all" ? null : from, now, cancellationToken);
            var byArea = SumBy(byVillage, kind == "townships" ? village => village.TownshipId : village => village.VillageId);
            entries = kind == "townships"
                ? topology.Document.Townships.Select(t => AreaEntry(t.Id, t.Name, byArea.GetValueOrDefault(t.Id, CaseTally.Empty)))
                : grids.Select(g => g.Village).DistinctBy(v => v.Id).Select(v => AreaEntry(v.Id, v.Name,
                    byArea.GetValueOrDefault(v.Id, CaseTally.Empty)));
        }
        else
        {
            var totals = await points.Since(from, now, cancellationToken);
            entries = kind == "workers"
                ? grids.SelectMany(g => g.Grid.Workers).Select(w => new RankedEntry(w.Id, w.Name, totals.GetValueOrDefault(w.Id)))
                : grids.Select(g => new RankedEntry(ParticipantIds.Branch(g.Grid.Id), $"{g.Grid.Name}党支部",
                    Math.Round(100.0 * totals.GetValueOrDefault(ParticipantIds.Branch(g.Grid.Id)) / BranchTarget(period), 2)));
        }
        return Bands.Split(entries, policy.Document.BandShare);
    }

    private static Dictionary<string, CaseTally> SumBy(IReadOnlyDictionary<VillageOf, CaseTally> byVillage, Func<VillageOf, string> area) =>
        byVillage.GroupBy(tally => area(tally.Key))
            .ToDictionary(group => group.Key, group => group.Aggregate(CaseTally.Empty, (sum, tally) => sum.Plus(tally.Value)));

    /// <summary>A composite score out of 100 from the area's indicators, weighted as points-rules.json says.</summary>
    private RankedEntry AreaEntry(string id, string name, CaseTally tally)
    {
        var indicators = Indicators.From(tally, workers: 0);
        var weights = policy.Document.RankingWeights;
        var score = 100 * (weights.GetValueOrDefault("closureRate") * indicators.ClosureRate
            + weights.GetValueOrDefault("onTimeRate") * indicators.OnTimeRate
            + weights.GetValueOrDefault("reworkRate") * indicators.ReworkRate);
        return new RankedEntry(id, name, Math.Round(score, 2));
    }

    /// <summary>A branch's monthly target, pro-rated to the period (a year for all time).</summary>
    private double BranchTarget(string period) => policy.Document.BranchMonthlyTarget * period switch
    {
        "day" => 1.0 / 30,
        "week" => 7.0 / 30,
        "month" => 1.0,
        _ => 12.0,
    };
}
