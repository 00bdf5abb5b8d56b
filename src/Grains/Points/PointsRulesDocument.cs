namespace GridActors.Grains.Points;

/// <summary><c>points-rules.json</c> as written; docs/POINTS.md explains each rule.</summary>
public sealed record PointsRulesDocument(
    IReadOnlyList<PointsRule> Rules,
    int BranchMonthlyTarget,
    IReadOnlyList<CatalogueItem> Catalogue,
    IReadOnlyDictionary<string, double> RankingWeights,
    double BandShare);

/// <summary>
/// One rule: on which fact (<c>when</c>) it pays, to whom (<c>to</c>: reporter, handler, grabber, branch), how
/// many points (negative to deduct), and at most how many a participant earns by it in a day.
/// </summary>
public sealed record PointsRule(
    string Id,
    string When,
    string To,
    int Points,
    IReadOnlyList<string>? ReporterKinds = null,
    int? DailyCap = null);

/// <summary>A gift or voucher that points buy, and which kinds of participant may have it.</summary>
public sealed record CatalogueItem(string Id, string Name, int Points, IReadOnlyList<string> For);
