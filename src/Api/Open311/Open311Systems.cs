using System.Security.Cryptography;
using System.Text;
using GridActors.Api.Auth;
using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>An upstream system as an API key names it, and the caller it acts as.</summary>
public sealed record Open311System(string Name, string? TownshipId)
{
    /// <summary>
    /// The system acts as an operator of its area, whose idempotency keys are its own; its reports name it as
    /// their reporter.
    /// </summary>
    public Caller Caller(CountyTopology topology) => TownshipId is null
        ? new Caller(Roles.City, topology.City.Id, Subject: $"open311:{Name}")
        : new Caller(Roles.Township, TownshipId, Subject: $"open311:{Name}");
}

/// <summary>
/// The configured upstream systems, checked once at start: every key long enough to guess badly, every name and
/// township real. Keys are compared by their hashes in constant time, so a wrong key's answer takes as long
/// whatever its first characters are.
/// </summary>
public sealed class Open311Systems
{
    private const int MinimumKeyLength = 16;

    private readonly List<(byte[] KeyHash, Open311System System)> _systems = [];

    public Open311Systems(Open311Options options, AuthOptions auth, CountyTopology topology)
    {
        foreach (var entry in options.ApiKeys)
        {
            if (entry.Key.Length < MinimumKeyLength || string.IsNullOrWhiteSpace(entry.System))
            {
                throw new InvalidOperationException(
                    $"Each Open311:ApiKeys entry needs a Key of at least {MinimumKeyLength} characters and a System name.");
            }
            var hash = Hash(entry.Key);
            if (_systems.Any(s => s.KeyHash.SequenceEqual(hash) || s.System.Name == entry.System.Trim()))
            {
                // Two systems with one name would share their idempotency keys and tokens; one key cannot be two systems.
                throw new InvalidOperationException($"Open311:ApiKeys: each key and each System name appears once ('{entry.System}' again).");
            }
            if (entry.Township is not null && topology.FindTownship(entry.Township) is null)
            {
                throw new InvalidOperationException($"Open311:ApiKeys: '{entry.Township}' is not a township of the county.");
            }
            _systems.Add((hash, new Open311System(entry.System.Trim(), entry.Township)));
        }
        if (auth.DevTokens == true)
        {
            _systems.Add((Hash(Open311Options.DevKey), new Open311System("dev", null)));
        }
    }

    public Open311System? Find(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }
        var hash = Hash(apiKey);
        Open311System? found = null;
        foreach (var (keyHash, system) in _systems)
        {
            if (CryptographicOperations.FixedTimeEquals(keyHash, hash))
            {
                found = system;
            }
        }
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
