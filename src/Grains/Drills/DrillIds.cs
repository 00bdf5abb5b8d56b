using System.Text.RegularExpressions;

namespace GridActors.Grains.Drills;

/// <summary>
/// A drill's id, as a report names it and its cleanup addresses it: 1 to 64 lower-case letters, digits and dashes,
/// not starting with a dash. Narrow on purpose: it travels in URLs, SQL patterns and ledger ids unescaped.
/// </summary>
public static partial class DrillIds
{
    public const int MaxLength = 64;

    /// <summary>What a client is told when a drill id is malformed, wherever it was given.</summary>
    public const string Invalid = "drill is 1 to 64 characters: lower-case letters, digits and dashes, starting with a letter or digit.";

    public static bool IsValid(string? id) => id is { Length: >= 1 and <= MaxLength } && Pattern().IsMatch(id);

    // \z, not $: $ would let a trailing newline through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
