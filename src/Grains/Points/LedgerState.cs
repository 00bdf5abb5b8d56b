using GridActors.Grains.Interfaces.Points;

namespace GridActors.Grains.Points;

[GenerateSerializer, Alias("GridActors.LedgerState")]
public sealed class LedgerState
{
    [Id(0)] public int Balance { get; set; }

    [Id(1)] public List<LedgerEntry> Entries { get; set; } = [];
}
