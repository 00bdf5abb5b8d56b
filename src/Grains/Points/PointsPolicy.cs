using System.Text.Json;
using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

/// <summary>
/// The points rules as data (<c>points-rules.json</c>): which facts pay whom how much. Pure: it turns a fact
/// into awards, each named by a key (rule + case + occurrence) that makes paying it idempotent. A drill case's
/// awards are the same awards paid to the drill's own ledgers (<see cref="ParticipantIds.InDrill"/>): the drill
/// costs what the county's cases cost, and no real balance or board moves.
/// </summary>
public sealed class PointsPolicy(PointsRulesDocument document)
{
    public const string EmbeddedResourceName = "GridActors.Grains.Points.points-rules.json";

    public PointsRulesDocument Document => document;

    public IReadOnlyList<PointsAward> AwardsFor(CaseFacts facts)
    {
        var awards = new List<PointsAward>();
        foreach (var rule in document.Rules.Where(r => Applies(r, facts)))
        {
            if (Recipient(rule, facts) is { } recipient)
            {
                var participant = facts.Drill is { } drill ? ParticipantIds.InDrill(drill, recipient) : recipient;
                var key = facts.Occurrence.Length == 0 ? $"{rule.Id}:{facts.EventId}" : $"{rule.Id}:{facts.EventId}:{facts.Occurrence}";
                awards.Add(new PointsAward(participant, rule.Points, rule.Id, facts.EventId, key, rule.DailyCap, facts.At));
            }
        }
        return awards;
    }

    public CatalogueItem? FindItem(string id) => document.Catalogue.FirstOrDefault(i => i.Id == id);

    private static bool Applies(PointsRule rule, CaseFacts facts) => (rule.When, facts.Fact) switch
    {
        ("accepted", PointsFact.Accepted) => rule.ReporterKinds is null || rule.ReporterKinds.Contains(facts.Reporter.Kind),
        ("closed", PointsFact.Closed) => true,
        ("closed-on-time", PointsFact.Closed) => facts.OnTime,
        ("verification-failed", PointsFact.VerificationFailed) => true,
        ("stage-overdue", PointsFact.StageOverdue) => true,
        _ => false,
    };

    private static string? Recipient(PointsRule rule, CaseFacts facts) => rule.To switch
    {
        "reporter" => ParticipantIds.Of(facts.Reporter),
        "handler" => facts.Handler is { } handler ? ParticipantIds.Of(handler) : null,
        "grabber" => facts.Grabbed && facts.Handler is { } grabber ? ParticipantIds.Of(grabber) : null,
        "branch" => ParticipantIds.Branch(facts.GridId),
        _ => null,
    };

    public static PointsPolicy LoadEmbedded()
    {
        using var stream = typeof(PointsPolicy).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The points rules resource '{EmbeddedResourceName}' is missing from the build.");
        return new PointsPolicy(JsonSerializer.Deserialize<PointsRulesDocument>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The points rules file is empty."));
    }
}
