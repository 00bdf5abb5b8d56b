using System.Collections.Concurrent;

namespace GridActors.Grains.Tests.Cluster;

/// <summary>Counts the grain calls each grain makes, so a test can say a step made none.</summary>
public sealed class CallsBySource : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<GrainId, ConcurrentQueue<string>> Calls = new();

    public static IReadOnlyList<string> MadeBy(GrainId source) =>
        Calls.TryGetValue(source, out var calls) ? [.. calls] : [];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceId is { } source)
        {
            Calls.GetOrAdd(source, _ => new()).Enqueue($"{context.TargetId}.{context.MethodName}");
        }
        await context.Invoke();
    }
}
