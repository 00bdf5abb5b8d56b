using System.Collections.Concurrent;

namespace GridActors.LoadTest.Faults;

/// <summary>What the audit found, by kind, with a few examples of each for the report.</summary>
public sealed class AuditFindings
{
    private const int ExamplesPerKind = 5;

    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _examples = new();

    /// <summary>Acknowledged and not there, or behind what was acknowledged.</summary>
    public int Lost => Sum("lost");

    /// <summary>Done twice: a second case for one report, an action or award applied twice.</summary>
    public int Duplicated => Sum("duplicated");

    /// <summary>Stored, but the parts disagree: a listing row, a balance or a deadline that does not match its case.</summary>
    public int Inconsistent => Sum("inconsistent");

    public void Add(string kind, string what, string example)
    {
        _counts.AddOrUpdate($"{kind}: {what}", 1, (_, n) => n + 1);
        var examples = _examples.GetOrAdd($"{kind}: {what}", _ => new ConcurrentQueue<string>());
        lock (examples)
        {
            if (examples.Count < ExamplesPerKind)
            {
                examples.Enqueue(example);
            }
        }
    }

    public IEnumerable<string> Lines() => _counts.OrderBy(c => c.Key).Select(c =>
        $"  {c.Key}: {c.Value} (e.g. {string.Join(", ", _examples[c.Key])})");

    private int Sum(string kind) => _counts.Where(c => c.Key.StartsWith(kind + ":", StringComparison.Ordinal)).Sum(c => c.Value);
}
