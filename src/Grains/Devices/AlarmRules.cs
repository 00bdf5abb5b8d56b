using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Devices;

/// <summary>What an alarm kind becomes as a case: its category, priority and title (alarm-rules.json).</summary>
public sealed record AlarmKindRule(string Kind, string Category, Priority Priority, string Title);

/// <summary>
/// The alarm kinds the county takes and the case each opens, read from the rules file shipped in this assembly,
/// so that a new kind or a different category is a change to the file, not to code.
/// </summary>
public sealed class AlarmRules
{
    public const string EmbeddedResourceName = "GridActors.Grains.Devices.alarm-rules.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly FrozenDictionary<string, AlarmKindRule> _kinds;

    public AlarmRules(IReadOnlyList<AlarmKindRule> kinds, CountyTopology topology)
    {
        if (kinds.FirstOrDefault(k => topology.FindCategory(k.Category) is null) is { } unknown)
        {
            throw new InvalidDataException($"Alarm kind '{unknown.Kind}' names category '{unknown.Category}', which the county does not have.");
        }
        _kinds = kinds.ToFrozenDictionary(k => k.Kind);
        Kinds = [.. kinds.Select(k => k.Kind)];
    }

    /// <summary>The kinds in the file's order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    public AlarmKindRule? Find(string kind) => _kinds.GetValueOrDefault(kind);

    public static AlarmRules LoadEmbedded(CountyTopology topology)
    {
        using var stream = typeof(AlarmRules).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The alarm rules resource '{EmbeddedResourceName}' is missing from the build.");
        var document = JsonSerializer.Deserialize<AlarmRulesDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException("The alarm rules file is empty.");
        return new AlarmRules(document.Kinds, topology);
    }

    private sealed record AlarmRulesDocument(IReadOnlyList<AlarmKindRule> Kinds);
}
