using System.Reflection;
using Orleans.Configuration;

namespace GridActors.Storage.Tests.Migrations;

/// <summary>
/// The <c>OrleansQuery</c> keys the ADO.NET providers of the referenced Orleans version read at start-up.
/// Clustering and reminders check theirs against the internal <c>DbStoredQueries</c>, whose properties are
/// the keys — read from there so that an Orleans upgrade that needs a new key fails this test, not a silo.
/// </summary>
public static class ProviderQueryKeys
{
    /// <summary>Grain persistence looks its four statements up by name (RelationalStorageProviderQueries).</summary>
    private static readonly string[] Persistence = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    public static IReadOnlyList<string> All() =>
    [
        .. StoredQueryKeys(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries"),
        .. StoredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries"),
        .. Persistence,
    ];

    private static IEnumerable<string> StoredQueryKeys(Assembly provider, string typeName)
    {
        var type = provider.GetType(typeName, throwOnError: true)!;
        var keys = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToList();
        Assert.NotEmpty(keys);
        return keys;
    }
}
